# Counts inside __init__ depend on how CPython 3.14 ran the CALL: the first
# run of a call site takes the generic path (arguments stay on the caller's
# stack, an argument tuple is made), later runs the specialized
# CALL_ALLOC_AND_ENTER_INIT (arguments move into the new frame).
import sys

big = 10**20


class Point:
    def __init__(self, x, y):
        print("x", sys.getrefcount(x) - extra(), "cls", sys.getrefcount(Point),
              "init", sys.getrefcount(init_f), "self", sys.getrefcount(self))
        self.y = y


def extra():
    return 0


init_f = Point.__init__
print("loop")
for i in range(4):
    Point(big, i)
print("keywords")
for i in range(3):
    Point(x=big, y=i)
print("mixed")
for i in range(3):
    Point(big, y=i)


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        print("slotted", sys.getrefcount(a))


for i in range(3):
    Slotted(big)


class Star:
    def __init__(self, *args):
        print("star", sys.getrefcount(args[0]))


for i in range(3):
    Star(big)


class Counted:
    count = 0

    def __init__(self, v):
        Counted.count += 1
        print(Counted.count, sys.getrefcount(v))


for i in range(58):
    Counted(big)


def make(cls, v):
    return cls(v)


class A:
    def __init__(self, v):
        print("A", sys.getrefcount(v))


class B:
    def __init__(self, v):
        print("B", sys.getrefcount(v))


for cls in (A, A, B, A, B, B):
    make(cls, big)
