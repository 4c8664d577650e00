# A dict or set that changes size under its iterator: CPython's RuntimeError,
# which stays; a dict whose keys changed at the same size.
d = {"a": 1, "b": 2}
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
it = iter(d)
d["z"] = 0
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("again:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for x in s:
        s.remove(x)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(s))
d = {1: 1, 2: 2, 3: 3}
try:
    for v in d.values():
        d.pop(1, None)
except RuntimeError as e:
    print("values:", e)
try:
    for kv in d.items():
        d.clear()
except RuntimeError as e:
    print("items:", e)
# The same size: fine, as long as no new key is met.
d = {1: 1}
for k in d:
    d[k] = 5
print(d)
s = {1, 2}
for x in s:
    s.discard(x)
    s.add(x)
print(s)


def run(n, change):
    d = {i: i for i in range(n)}
    seen = []
    try:
        for k in d:
            seen.append(k)
            change(d, k)
    except RuntimeError as e:
        seen.append(str(e))
    print(seen, d)


def swap_one(d, k):
    if k == 1:
        del d[0]
        d[10] = 10


def move_each(d, k):
    d.pop(k)
    d[k + 100] = 0


run(3, swap_one)
run(2, move_each)
run(5, move_each)
# An exhausted iterator has let go of its dict.
d = {"a": 1}
it = iter(d)
print(list(it), list(it))
d["b"] = 2
print(list(it))
# Through map() and a generator expression.
d = {1: 1, 2: 2, 3: 3}


def grow(k):
    d[k * 10] = 0
    return k


try:
    print(list(map(grow, d)))
except RuntimeError as e:
    print("map:", e)
d = {1: 1, 2: 2}
try:
    print(sum(grow(k) for k in d))
except RuntimeError as e:
    print("genexp:", e)
for k in d:
    d[k * 100] = 0
