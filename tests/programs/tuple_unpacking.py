# Tuple packing and unpacking, swaps, and indexing.
a, b = 1, 2
a, b = b, a
print(a, b)
point = (3, 4, 5)
x, y, z = point
print(x * y * z)
print(point[0], point[-1], len(point))
print((1, 2) + (3,), (0,) * 3)
