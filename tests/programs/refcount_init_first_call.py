# sys.getrefcount of self and of arguments inside __init__, on the first
# and later calls of a class, and through obj.__init__(*args).
import sys


class Point:
    def __init__(self, x, y):
        print("self", sys.getrefcount(self), "x", sys.getrefcount(x))
        self.x = x
        self.y = y


class Plain:
    def __init__(self):
        print("plain self", sys.getrefcount(self))


big = 10**20
p = Point(big, 2)
q = Point(big, 3)
r = Point(big, 4)
Plain()
Plain()
args = (big, 5)
p.__init__(*args)
p.__init__(big, 6)
Point.__init__(p, big, 7)
kw = {"x": big, "y": 8}
p.__init__(**kw)
print(sys.getrefcount(p), sys.getrefcount(big))
