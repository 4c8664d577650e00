import sys
k = "some-key"
v = "some-value"
print(sys.getrefcount(k), sys.getrefcount(v))
d = {k: v}
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print(sys.getrefcount(k), sys.getrefcount(v))
e = {"other": v}
print(sys.getrefcount(v))
del d[k]
print(sys.getrefcount(k), sys.getrefcount(v))
print(sys.getrefcount(d), sys.getrefcount(e))
