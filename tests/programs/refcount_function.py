# sys.getrefcount of objects built at run time, inside functions.
import sys


def local_string(a, b):
    s = a + b
    print(sys.getrefcount(s))
    t = s
    print(sys.getrefcount(s))
    return s


def local_tuple(x, y):
    t = (x, y)
    print(sys.getrefcount(t))
    u = (t, t)
    print(sys.getrefcount(t))
    return u


def count_arg(obj):
    return sys.getrefcount(obj)


g = local_string("abc", "def")
print(sys.getrefcount(g))
tt = local_tuple(g, g)
print(sys.getrefcount(g))
print(sys.getrefcount(tt))
print(count_arg(g))
print(count_arg(tt))
