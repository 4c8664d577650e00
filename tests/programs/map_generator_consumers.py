# map over generators and generator expressions, map consumed by a generator,
# zip and enumerate of maps, sorted with a key over a filter
def numbers(n):
    for i in range(n):
        yield i

for pair in zip(map(lambda x: x * x, range(4)), "abcd"):
    print(pair)
for i, v in enumerate(filter(lambda s: s, ["", "x", "", "y"]), start=1):
    print(i, v)
squares = (v * v for v in map(int, ["3", "1", "2"]))
print(list(squares))
print(sorted(filter(lambda w: len(w) > 1, ["bb", "a", "ccc", "dd"]), key=lambda w: -len(w)))
print(max(map(lambda p: p[1], [("a", 3), ("b", 9), ("c", 1)])))
words = map(lambda s: s.upper(), ["x", "y"])
print(next(words), list(words), list(words))
a, *rest = map(lambda c: c * 2, "abc")
print(a, rest)
print(dict(zip("ab", map(ord, "ab"))) == {"a": 97, "b": 98})
print(list(map(lambda *args: sum(args), [1, 2], [10, 20], [100, 200])))
