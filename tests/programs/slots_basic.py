import sys

class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
print(Point.x)
print(type(Point.x).__name__)
print(hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p.x + p.y)
print(Point.__slots__)
try:
    print(vars(p))
except TypeError as e:
    print("TypeError:", e)
value = []
before = sys.getrefcount(value)
p.x = value
print(sys.getrefcount(value) - before)
del p
print(sys.getrefcount(value) - before)
