a, b = [1, 2]
print(a, b)
xs = [3, 4, 5]
x, y, z = xs
print(x + y + z)
try:
    p, q = xs
except ValueError as e:
    print(e)
