# Counts of objects held by a suspended generator's frame.
import sys


def holder(item):
    local = [item]
    yield sys.getrefcount(item)
    alias = local
    yield sys.getrefcount(local)
    del alias
    yield sys.getrefcount(local)


data = ["payload"]
print(sys.getrefcount(data))
h = holder(data)
print(sys.getrefcount(data))
print(next(h))
print(sys.getrefcount(data))
print(next(h), next(h))
print(sys.getrefcount(h))
del h
print(sys.getrefcount(data))


def counter():
    n = 0
    while True:
        n += 1
        yield n


c = counter()
others = [c, c]
print(sys.getrefcount(c))
print(next(c), next(others[0]), next(others[1]))
big = 10**20
g = (big for _ in range(2))
print(sys.getrefcount(big))
print(next(g) is big)
del g
print(sys.getrefcount(big))
