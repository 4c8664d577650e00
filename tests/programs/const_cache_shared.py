# Equal constants are one object across all code objects of a compile.
import sys


def f():
    return (1, 2, "spam and eggs")


def g():
    return "spam and eggs"


t = (1, 2, "spam and eggs")
print(f() is t, g() is t[2], f()[2] is g())
print(sys.getrefcount(t), sys.getrefcount(t[2]))
x = 12345678
def h():
    return 12345678
print(h() is x, sys.getrefcount(x))
big = 2 ** 100
print(big is 2 ** 100, (lambda: 1.5)() is (lambda: 1.5)())
