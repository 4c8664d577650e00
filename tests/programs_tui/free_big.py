n = 1000
x = n * n * n
x = 5
print(x)
