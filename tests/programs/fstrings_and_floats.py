# f-strings of simple values, true division and float arithmetic.
n = 7
print(f"n is {n} and n squared is {n * n}")
print(7 / 2, 7 // 2, 7 % 2, -7 / 2)
print(0.1 + 0.2, 1e20 * 10, 2 ** -1, 3.0 * 2)
print(min(3, 1, 2), max((4, 9, 2)), abs(-5), abs(-2.5))
print(int("42") + 1, str(3.5), bool(0), bool("x"))
