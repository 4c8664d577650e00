def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

x = fact(3)
print(x)
y = 10 // (x - 6)
