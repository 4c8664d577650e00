# A tuple holds a reference to each of its items.
import sys

x = "ab" + "cd" + str(1)
print(sys.getrefcount(x))
t1 = (x, 1)
print(sys.getrefcount(x))
t2 = (x, x, x)
print(sys.getrefcount(x))
t1 = ()
print(sys.getrefcount(x))
t2 = None
print(sys.getrefcount(x))


def inner(v):
    w = (v, v)
    return sys.getrefcount(v)


print(inner(x))
print(sys.getrefcount(x))
