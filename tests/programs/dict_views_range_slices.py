# `in` on dict views, a view's truth, and slices of ranges.
d = {"a": 1, "b": [2], "c": 1.0}
print(1 in d.values(), [2] in d.values(), 3 in d.values(), True in d.values())
print(("a", 1) in d.items(), ("a", 2) in d.items(), ("z", 1) in d.items(), "a" in d.items(), ("b", [2]) in d.items())
print(("c", 1) in d.items(), ("a",) in d.items(), "a" in d.keys(), "z" not in d.keys())
try:
    ([], 1) in d.items()
except TypeError as e:
    print("TypeError:", e)
empty = {}
print(bool(empty.keys()), bool(empty.values()), bool(empty.items()), bool(d.keys()), bool(d.items()))
if not empty.values():
    print("no values")
v = d.values()
d["e"] = 5
print(5 in v, len(v), bool(v))
r = range(10)
print(r[2:5], r[::3], r[::-1], r[-3:], r[5:2], r[1:8:2][1:], list(r[::-2]))
print(range(0, 20, 3)[1:-1], range(5, -5, -2)[::2], len(range(0, 100, 7)[3:10]))
print(r[2:5] == range(2, 5), list(range(1, 2)[5:]), range(10)[::-3][0])
try:
    r[::0]
except ValueError as e:
    print("ValueError:", e)
print(range(2, 5) == range(2, 5), range(0) == range(5, 5), range(1, 2, 3) == range(1, 3, 5), range(3) != range(4))
print(range(0, 10, 2) == range(0, 9, 2), range(10)[::2] == range(0, 10, 2), range(1) == [0])
try:
    range(1) < range(2)
except TypeError as e:
    print("TypeError:", e)
