# Classes called on a call site's first run (CPython's generic path) and
# later runs (specialized): __init__ raising, defaults, keywords, nested
# constructions, a traceback through __init__ on the first call.
import sys


class Node:
    def __init__(self, value, children=None, *, label="n"):
        self.value = value
        self.children = [Node(c) for c in children] if children else []
        self.label = label


tree = Node(1, [2, 3, 4], label="root")
print(tree.label, [c.value for c in tree.children])


class Picky:
    def __init__(self, x):
        if x < 0:
            raise ValueError(f"negative: {x}")
        self.x = x


for v in (1, -1, 2, -2):
    try:
        p = Picky(v)
        print("made", p.x, sys.getrefcount(p))
    except ValueError as e:
        print("error", e)


class Counter:
    made = 0

    def __init__(self):
        Counter.made += 1


for _ in range(60):
    Counter()
print(Counter.made)


class Pair:
    def __init__(self, a, b=2):
        self.a, self.b = a, b

    def __repr__(self):
        return f"Pair({self.a!r}, {self.b!r})"


print([Pair(i) for i in range(3)], Pair(b=5, a=4), Pair(*(7, 8)), Pair(**{"a": 9}))


class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print(e)


class Deep:
    def __init__(self, n):
        self.inner = Deep(n - 1) if n else None


d = Deep(50)
depth = 0
while d.inner:
    d, depth = d.inner, depth + 1
print(depth)


class Broken:
    def __init__(self, items):
        self.total = sum(items) / len(items)


Broken([1, 2])
Broken([])
