# Tricky: slot wrappers return NotImplemented where the operator would not.
print((1).__eq__(1.0), 1 == 1.0)
print((1).__lt__(2.5), 1 < 2.5)
print((1.0).__add__(1), (1).__add__(True), True.__add__(True), True.__and__(False))
print(type("a".__add__).__name__, "a".__mul__(0) == "", ().__add__((1,)))
print([].__iadd__([1]), {1}.__iand__({1, 2}))
try:
    "a".__add__(1)
except TypeError as e:
    print("TypeError:", e)
try:
    [].__mul__("x")
except TypeError as e:
    print("TypeError:", e)
print((3).__rpow__(2), (2).__pow__(10), (2.0).__rtruediv__(1))
print(None.__eq__(None), None.__eq__(0), None.__lt__(None))
print(object().__eq__(1), (1j).__lt__(1j), {}.__eq__({}))
x = [1, 2]
m = x.__len__
print(m(), type(m).__name__, m.__self__ is x, m.__name__)
import sys
print(sys.getrefcount(x))
del m
print(sys.getrefcount(x))
print((5).real, (5).imag, (5).numerator, (5).denominator, True.real, True.imag)
print((2.5).real, (2.5).imag, (2.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((10).bit_length(), (-10).bit_length(), (0).bit_length(), (255).bit_count())
print((-7).as_integer_ratio(), (7.0).is_integer(), (7.5).is_integer(), (3).conjugate())
r = range(2, 20, 3)
s = slice(1, None, 2)
print(r.start, r.stop, r.step, s.start, s.stop, s.step)
def greet(name, punct="!"):
    return "hi " + name + punct
print(greet.__name__, greet.__qualname__, greet.__defaults__, greet.__module__, greet.__code__.co_name if False else "-")
def outer():
    def inner():
        return 1
    return inner
print(outer().__qualname__, len.__name__, [].append.__name__)
print((2).__pow__(3, 5), (2).__rpow__(3), pow(2, 3, 5))
print(object.__repr__(5).startswith("<int object at 0x"), object.__repr__([]).split()[0])
import math
print(sum.__module__, len.__module__, math.sqrt.__module__, len.__name__, math.sqrt.__qualname__)
