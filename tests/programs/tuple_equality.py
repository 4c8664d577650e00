# Tuples compare equal item by item.
a = (1, 2, 3)
b = (1, 2, 3)
c = (1, 2, 4)
print(a == b, a != b)
print(a == c, a != c)
print(() == ())
print((1,) == (1, 2))
x = 1
y = "y"
print((x, y) == (1, "y"))
print((x, (y, None)) == (1, ("y", None)))
print((x, y) == (y, x))
print((True, 0) == (1, False))
