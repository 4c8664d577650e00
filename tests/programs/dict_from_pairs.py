# dict() of a mapping or of an iterable of pairs (map, zip, generators, strs)
print(dict({"a": 1}), dict([("x", 1), ["y", 2]]), dict(["ab", "cd"]))
print(dict(zip("abc", range(3))))
print(dict(map(lambda k: (k, len(k)), ["one", "three"])))
d = {"k": [1]}
copy = dict(d)
print(copy == d, copy is d, copy["k"] is d["k"])
for bad in ([1], [(1, 2, 3)], ["abc"]):
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
