import math
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError("subclass must implement")
    def __str__(self):
        return f"{self.name} with area {self.area():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

shapes = [Circle(1), Rect(2, 3), Square(2), Circle(0.5)]
for s in sorted(shapes):
    print(s)
print(Shape.count, max(shapes).name, min(shapes, key=lambda s: s.area()).name)
print([type(s).__name__ for s in shapes], isinstance(shapes[2], Rect))
try:
    print(Shape("blob"))
except NotImplementedError as e:
    print("NotImplementedError:", e)
total = sum(s.area() for s in shapes)
print(f"{total:.3f}", round(total, 2), f"{total:10.1f}|", f"{Shape.count:>5}|")
print(Square.__mro__)
