# A class's __dict__ is a new read-only mappingproxy each time; the
# __dict__ and __weakref__ entries are getset descriptors holding the class.
import sys


class Point:
    """A point."""

    scale = 2

    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x) * self.scale


proxy = Point.__dict__
print(type(proxy).__name__, type(vars(Point)).__name__)
print(proxy is Point.__dict__)
print(list(proxy))
print(len(proxy), "scale" in proxy, "x" in proxy)
print(proxy["scale"], proxy.get("missing"), proxy.get("scale"))
descriptor = proxy["__dict__"]
print(type(descriptor).__name__, descriptor)
print(proxy["__weakref__"])
print(descriptor.__name__, descriptor.__objclass__ is Point)
print(Point.__weakref__ is proxy["__weakref__"])
print(sorted(proxy.keys()))
print([k for k, v in proxy.items() if isinstance(v, int)])
copy = proxy.copy()
print(type(copy).__name__, len(copy) == len(proxy))
try:
    proxy["scale"] = 3
except TypeError as e:
    print("TypeError:", e)
try:
    del proxy["scale"]
except TypeError as e:
    print("TypeError:", e)
p = Point(3)
print(p.__dict__, p.__weakref__)
try:
    p.__weakref__ = 1
except AttributeError as e:
    print("AttributeError:", e)
print(Point.__mro__ is Point.__mro__, Point.__bases__ is Point.__bases__)
print(Point.__bases__, Point.__base__)
print(sys.getrefcount(Point.__mro__), sys.getrefcount(Point.__bases__))
Point.scale = 5
print(proxy["scale"], p.norm())


class Small:
    a = 1
    b = (2, "three")


print(Small.__dict__)
print(repr(vars(Small))[:40])
print(str(Small.__dict__) == str(dict(Small.__dict__)))
