# dict(**kw) and dict(source, **kw): the source's items, then the
# keywords in their order (a keyword replaces an item of the source).
d = dict(a=1, bb=[2])
print(d, dict({"x": 0}, y=1), dict([("k", 1)], k=2), dict(zip("ab", [1, 2]), c=3))
print(dict(**{"q": 1}), dict({}, **{"r": 2}, s=3))
import sys
print(sys.getrefcount(d["bb"]), sys.getrefcount(d))


def numbers():
    yield ("n", 1)
    yield ("m", 2)


print(dict(numbers(), m=20, z=26))
for bad in ((1, 2), ([1],), (5,)):
    try:
        dict(*bad, key="v")
    except TypeError as e:
        print("TypeError:", e)
