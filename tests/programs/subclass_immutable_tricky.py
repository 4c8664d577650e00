# Tricky: small-int identity, __init__ after int.__new__, exact copies, keys.
class Flag(int):
    def __new__(cls, value, label="?"):
        return super().__new__(cls, value)
    def __init__(self, value, label="?"):
        self.label = label
f = Flag(1, "one")
one = 1
print(f, f.label, f == 1, f is one, Flag(1) is Flag(1), int(f) is one)
try:
    class Loose(int):
        def __init__(self, value, label):
            self.label = label
    Loose(1, "x")
except TypeError as e:
    print("TypeError:", e)
small = Flag(5)
print(small + 0, type(small + 0).__name__, type(-small).__name__, type(abs(Flag(-3))).__name__)
class Tag(str):
    pass
t = Tag("k")
d = {t: "via tag"}
print(d["k"], type(list(d)[0]).__name__, t.upper(), type(t.upper()).__name__, type(t * 2).__name__)
print(str(t), type(str(t)).__name__, Tag("ab") + "c", "x" + Tag("y"), Tag("a") < "b")
class Pair(tuple):
    def __new__(cls, a, b):
        print("new", cls.__name__, a, b)
        return super().__new__(cls, [a, b])
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, "x")
q = p.swap()
print(p, q, type(q).__name__, tuple(q), type(tuple(q)).__name__, p[::-1], hash(p) == hash((1, "x")))
print(sorted([Pair(2, 1), Pair(1, 2)]), max(Pair(3, 4)), Pair(1, 2) in {(1, 2)})
class Money(float):
    def __str__(self):
        return f"${self:.2f}"
m = Money(2.5)
print(m, str(m), repr(m), f"{m}", m + 1, type(m + 1).__name__, float(m), type(float(m)).__name__)
import sys
class Big(int):
    pass
b = Big(10**30)
print(b, b.bit_length(), b % 7, type(b // 2).__name__, isinstance(b, Big), issubclass(Big, int))
print(sys.getrefcount(b))
try:
    class Nope(type(None)):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class R(range):
        pass
except TypeError as e:
    print("TypeError:", e)
