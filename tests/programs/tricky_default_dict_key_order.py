d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
d["b"] = 4
print(list(d), list(d.values()))
print({**d, "a": 0})
merged = dict()
merged.update if False else None
print(d == {"a": 2, "c": 3, "b": 4})
