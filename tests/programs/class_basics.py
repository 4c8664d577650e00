import sys
class Point:
    kind = "2d"
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def move(self, dx):
        self.x += dx
        return self

p = Point(3, -4)
print(p.x, p.y, p.norm1(), p.kind, Point.kind)
m = p.move
print(m(1).x, type(p) is Point, isinstance(p, Point), isinstance(3, Point))
print(sys.getrefcount(p))
class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z
q = Point3(1, 2, 3)
print(q.norm1(), q.z, isinstance(q, Point), Point3.__name__)
try:
    q.w
except AttributeError as e:
    print(e)
class Empty:
    pass
e = Empty()
e.val = [1]
print(e.val, type(e).__name__)
del e.val
try:
    Empty(1)
except TypeError as err:
    print(err)
