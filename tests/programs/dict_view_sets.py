# dict views as sets: keys() and items() with &, |, -, ^ (a new set each
# time), against sets, other views, lists and generators.
import sys
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 3, "w": 4}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()))
print(sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(sorted(a.items() & b.items()), sorted(a.items() - b.items()))
print(sorted(a.keys() & {"x", "q"}), sorted({"x", "q"} & a.keys()))
print(sorted(a.keys() | ["q"]), sorted(["q", "x"] | a.keys()), sorted(["q", "x"] - a.keys()))
print(sorted(a.keys() & (k for k in "xyq")), type(a.keys() & set()).__name__)
k = a.keys()
k &= {"x"}
print(k, type(k).__name__, a)
s = {"x", "y"}
s2 = s
s2 -= a.keys()
print(s2, sorted(s), s2 is s)
s3 = {"q"}
s4 = s3
s4 |= b.keys()
print(sorted(s4), s3, s4 is s3)
print(len(a.items() ^ b.items()), sorted(a.items() | {("n", 0)}))
try:
    a.keys() | 5
except TypeError as e:
    print("TypeError:", e)
try:
    a.keys() & 5
except TypeError as e:
    print("TypeError:", e)
try:
    a.values() & a.values()
except TypeError as e:
    print("TypeError:", e)
r = a.keys() & b.keys()
print(sys.getrefcount(r), sorted(r))
print(a.keys() == set(["x", "y", "z"]), a.keys() != {"x"}, a.keys() < set(["x", "y", "z", "w"]), {("x", 1)} <= a.items())
