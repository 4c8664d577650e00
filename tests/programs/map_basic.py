# map: lazy, one call per item, consumed by the usual places
import sys

def square(x):
    print("square", x)
    return x * x

m = map(square, [1, 2, 3])
print(type(m).__name__, type(m) is map, isinstance(m, map))
print(repr(m).startswith("<map object at 0x"))
print(iter(m) is m)
print(next(m))
for v in m:
    print("for", v)
print(next(m, "done"))
print(list(map(str, range(5))))
print(sum(map(lambda x: x * 2, range(4))))
print(sorted(map(lambda s: -len(s), ["a", "bbb", "cc"])))
print(tuple(map(abs, [-1, 2, -3])))
a, b, c = map(lambda x: x + 1, (10, 20, 30))
print(a, b, c)
print([x for x in map(lambda x: x % 3, range(7))])
print(3 in map(lambda x: x + 1, range(5)), 99 in map(lambda x: x, [1]))
print(min(map(len, ["abc", "d", "ef"])), max(map(len, ["abc", "d", "ef"])))
print(any(map(lambda x: x > 2, [1, 2, 3])), all(map(bool, [1, 0])))
print({k: v for k, v in map(lambda kv: (kv, kv * 2), "ab")})
print(set(map(lambda x: x // 2, range(6))) == {0, 1, 2})
print("-".join(map(str, [1, 2, 3])))
items = [[1]]
m2 = map(lambda o: o, items)
print(sys.getrefcount(items[0]))
for e in enumerate(map(lambda x: x * 10, [1, 2])):
    print(e)
for z in zip([1, 2, 3], map(lambda x: -x, [7, 8])):
    print(z)
