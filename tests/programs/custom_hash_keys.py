# a class with __eq__ and __hash__ as dict keys and set members
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        print("eq", self.x, self.y, "vs", other.x, other.y)
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        print("hash", self.x, self.y)
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

a = Point(1, 2)
b = Point(1, 2)
c = Point(3, 4)
d = {a: "first"}
d[b] = "second"
print(d)
print(len(d), d[Point(1, 2)], c in d, a in d)
d[c] = "third"
print(d.get(Point(3, 4)), d.get(Point(9, 9), "missing"))
del d[Point(1, 2)]
print(d)
s = {a, b, c}
print(len(s), Point(3, 4) in s, Point(5, 6) in s)
s.add(Point(3, 4))
s.discard(Point(1, 2))
print(len(s))
print({p: p.x for p in [Point(0, 0), Point(0, 0), Point(1, 1)]})
print(len({Point(7, 7) for _ in range(3)}))
try:
    print(d[Point(8, 8)])
except KeyError as e:
    print("KeyError", e)
