if True:
	x = "日本"
	y = x
print(y)
