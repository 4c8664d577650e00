# Subclasses of int, tuple, str and float: their instances are values of
# the base type with a class and a __dict__; operations give exact base values.
class MyInt(int):
    def double(self):
        return MyInt(self * 2)
    def __repr__(self):
        return f"MyInt({int(self)})"
x = MyInt(5)
print(x, x + 1, type(x + 1).__name__, x.double(), type(x).__name__, isinstance(x, int), x == 5, hash(x) == hash(5))
print(MyInt(), MyInt("42"), MyInt(3.9), int(x), type(int(x)).__name__)
x.label = "five"
print(x.label, x.__dict__)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
p = Point(1, 2)
print(p, p.x, p.y, len(p), p[0], list(p), p == (1, 2), isinstance(p, tuple), type(p).__mro__)
a, b = p
print(a, b, p + (3,), type(p + (3,)).__name__)
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, repr(n), n.shout(), n.title(), len(n), n == "bob", type(n).__name__, n + "by")
print({n: 1}["bob"], "b" in n, str(n), type(str(n)).__name__)
class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, c.to_f(), type(c).__name__, round(c), Celsius("36.6"))
import sys
print(sys.getrefcount(x), sys.getrefcount(p))
try:
    class B(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Both(int, str): pass
except TypeError as e:
    print("TypeError:", e)
