import math
class Vector:
    def __init__(self, *components):
        self.c = list(components)

    @classmethod
    def zeros(cls, n):
        return cls(*([0] * n))

    @staticmethod
    def dot(a, b):
        return sum(x * y for x, y in zip(a, b))

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(*self.c[i])
        return self.c[i]

    def __setitem__(self, i, v):
        self.c[i] = v

    def __iter__(self):
        return iter(self.c)

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(*(a + b for a, b in zip(self, other)))

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return Vector(*(k * a for a in self))

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __abs__(self):
        return math.hypot(*self.c)

    def __bool__(self):
        return any(self.c)

    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c

    def __repr__(self):
        return f"Vector({', '.join(map(repr, self.c))})"

    def __format__(self, spec):
        return "<" + ", ".join(format(x, spec) for x in self.c) + ">"

    @property
    def norm(self):
        return abs(self)

    @norm.setter
    def norm(self, value):
        factor = value / abs(self)
        self.c = [x * factor for x in self.c]


v = Vector(3, 4)
w = Vector(1, 2)
print(v + w, v * 2, 3 * v, -w, abs(v), bool(Vector.zeros(2)), bool(v))
print(v == Vector(3, 4), v != w, v[0], v[-1], v[:1], len(v), list(v))
print(sum([v, w, Vector(1, 1)]), Vector.dot(v, w))
v.norm = 10
print(v, f"{v:.1f}", "{:06.2f}".format(w))
v[0] = 100
print(v, 100 in v, sorted(Vector(3, 1, 2)), max(Vector(3, 9, 2)))
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    hash(v)
except TypeError as e:
    print("TypeError:", e)
try:
    Vector(1) @ Vector(2)
except TypeError as e:
    print("TypeError:", e)
print(Vector.zeros(3), type(Vector.zeros(1)).__name__, Vector.__name__, Vector.dot.__name__)
print(getattr(v, "c"), hasattr(v, "norm"), getattr(v, "nope", "default"), vars(w))
setattr(w, "label", "w")
print(w.label, sorted(vars(w)), dir(w)[-3:], callable(w), callable(Vector))
class Vector3(Vector):
    def __init__(self, x=0, y=0, z=0):
        super().__init__(x, y, z)

    def __repr__(self):
        return "3" + super().__repr__()

u = Vector3(1, z=2)
print(u, u + u, isinstance(u + u, Vector3), type(u * 2).__name__, Vector3.__bases__)
