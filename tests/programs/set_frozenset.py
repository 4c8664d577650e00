# frozenset: hashable, usable as a set member and dict key; no add.
f = frozenset([3, 1, 2])
print(f, len(f), 2 in f)
print(f | {9}, type(f | {9}).__name__, type({9} | f).__name__)
g = frozenset()
print(g, frozenset(f) is f)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(f == {1, 2, 3}, hash(f) == hash(frozenset([1, 2, 3])))
print(f.union([4]), f.intersection({1, 5}))
