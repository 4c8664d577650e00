# str() turns an int into its decimal text.
print(str(0))
print(str(42) + "!")
print(str(-17))
n = 12345
s = str(n)
print(s, len(s), type(s))
print(str(n * n * n * n * n))
print(str(n) == "12345")
print(len(str(2 ** 200)))
