class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)


class Weird:
    def __init__(self):
        return 5


try:
    Weird()
except TypeError as e:
    print(e)
p = Point(1, 2)
print(p.x + p.y)
p.z
