import sys
x = "lecture-string"
print(sys.getrefcount(x))
xs = [x, x]
print(sys.getrefcount(x))
ys = xs
print(sys.getrefcount(xs))
xs.append(x)
print(sys.getrefcount(x))
xs.pop()
print(sys.getrefcount(x))
del ys
print(sys.getrefcount(xs))
xs.clear()
print(sys.getrefcount(x))
