# match on classes: keyword patterns, __match_args__ for positions, nesting.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(center=Point(x, y), radius=r) if r > 5:
            return f"big circle at {x},{y}"
        case Circle(radius=r):
            return f"circle of radius {r}"
        case Point():
            return "somewhere"
        case _:
            return "unknown"


for s in [Point(0, 0), Point(0, 7), Point(3, 0), Point(1, 1), Circle(Point(1, 2), 10),
          Circle(Point(0, 0), 1), 5]:
    print(where(s))
try:
    match Circle(Point(0, 0), 1):
        case Circle(a, b):
            print(a, b)
except TypeError as error:
    print("TypeError:", error)
