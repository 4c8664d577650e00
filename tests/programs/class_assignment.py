# `obj.__class__ = cls`: allowed between classes of one layout, with
# CPython's TypeErrors otherwise; the instance then behaves as the new class.
class C1:
    def who(self):
        return "C1"
class C2:
    def who(self):
        return "C2"
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b",)
c = C1()
seen = []
for i in range(4):
    seen.append(c.who())
    c.__class__ = C2 if i % 2 == 0 else C1
print(seen, type(c).__name__, c.__class__.__name__, isinstance(c, C2), repr(c).split(" at ")[0])
for bad in (5, int, S1):
    try:
        c.__class__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del c.__class__
except TypeError as e:
    print("TypeError:", e)
s = S1()
try:
    s.__class__ = S2
except TypeError as e:
    print("TypeError:", e)
import sys
print(sys.getrefcount(C1), sys.getrefcount(C2))
