# dict.update and dict.fromkeys with dicts, pairs, generators and maps
d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3)], e=5)
d.update((k, len(k)) for k in ["xx", "yyy"])
d.update(zip("pq", map(lambda v: v * 10, range(2))))
d.update(z=0)
print(d)
print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0), dict.fromkeys(x for x in "hi"))
shared = []
f = dict.fromkeys(map(str, range(3)), shared)
shared.append(1)
print(f)
def pairs():
    yield ("k1", 1)
    print("about to yield a bad pair")
    yield ("k2",)
    print("not reached")
try:
    d.update(pairs())
except ValueError as e:
    print("ValueError:", e)
print(d.get("k1"), "k2" in d)
try:
    d.update({}, {})
except TypeError as e:
    print("TypeError:", e)
try:
    dict.fromkeys(x for x in [1, [2]])
except TypeError as e:
    print("TypeError:", e)
