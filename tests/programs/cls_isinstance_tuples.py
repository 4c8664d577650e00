# isinstance/issubclass with tuples and built-in types.
class Shape:
    pass


class Circle(Shape):
    pass


class Square(Shape):
    pass


things = [Circle(), Square(), 3, "s", 2.5, [1]]
for t in things:
    print(isinstance(t, (Circle, Square)), isinstance(t, (int, float)), isinstance(t, Shape))
print(issubclass(Circle, (Square, Shape)), issubclass(bool, int), issubclass(int, (str, list)))
print(issubclass(Circle, object), issubclass(Shape, Circle))
