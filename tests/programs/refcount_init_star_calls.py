# Counts inside __init__ and methods called with *args / **kwargs: CPython
# passes the argument tuple and keyword dict themselves (PyObject_Call), a
# bound method stays on the stack, keywords are copied into a vector.
import sys

big = 10**25


class P:
    def __init__(self, x, y=0, **extra):
        print("init x", sys.getrefcount(x), "self", sys.getrefcount(self))

    def m(self, x, *rest, k=None):
        print("m x", sys.getrefcount(x), "self", sys.getrefcount(self),
              "k", None if k is None else sys.getrefcount(k))


class Q:
    def __init__(self, x, *, k):
        print("Q x", sys.getrefcount(x), "k", sys.getrefcount(k))


args = (big, 1)
kw = {"x": big}
for i in range(3):
    P(*args)
    P(**kw)
    P(big, **{"z": big})
    Q(big, k=big)
    Q(*args[:1], **{"k": big})
p = P(big)
p.m(*args)
p.m(big, k=big)
p.m(*args, **{"k": big})
f = p.m
f(big)
f(*args)
P.m(p, *args)
