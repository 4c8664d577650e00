# dict's | and |=, popitem, fromkeys; tuple.count and tuple.index.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
c = a | b
print(c, a, b, c is a)
a |= b
print(a)
a |= [("w", 0), ("x", 100)]
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print("TypeError:", e)
try:
    a |= [1]
except TypeError as e:
    print("TypeError:", e)
try:
    a |= [(1, 2, 3)]
except ValueError as e:
    print("ValueError:", e)
print(a.popitem(), a.popitem(), a)
empty = {}
try:
    empty.popitem()
except KeyError as e:
    print("KeyError:", e, e.args)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys((3,), []))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
t = (1, 2, 1, 3, 1)
print(t.count(1), t.index(3), t.count(9), (1.0, 1, True).count(1))
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
import sys
v = "value-" + str(7)
d = {"k": v}
print(sys.getrefcount(v))
pair = d.popitem()
print(sys.getrefcount(v), pair[1] is v)
del pair
print(sys.getrefcount(v))
