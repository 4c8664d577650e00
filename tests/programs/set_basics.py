# Sets: displays, set(), membership, add/remove/discard, iteration order of ints.
s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 in s)
s.add(10)
s.add(1)
print(s)
s.remove(3)
s.discard(42)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
e = set()
print(e, len(e), bool(e), bool(s))
print(set([5, 5, 4]), set("aab") == {"a", "b"}, set(range(5)))
print(sorted({9, 8, 7}), sum({1, 2, 3}))
for x in {40, 30, 20, 10}:
    print(x)
