# Drains fed directly by generators, map and filter, and drains that
# leave that path half-way (early stops, exceptions, non-bool verdicts).
import sys


def numbers(n, scale):
    for i in range(n):
        v = i * scale
        yield v


# A set of duplicates: each duplicate is freed as soon as the set refuses it.
print(set(x % 3 for x in numbers(6, 100001)) == {0, 1, 2})
s = set(x % 3 for x in numbers(6, 100001))
print(sorted(s))

total = sum(numbers(5, 100003))
print(total)

kept = list(filter(lambda v: v % 2 == 0, numbers(6, 100005)))
print(kept)

squares = list(map(lambda v: v + 1, numbers(4, 100007)))
print(squares)


def plus_one(v):
    w = v + 1
    return w


mapped = set(map(plus_one, range(100000, 100006, 2)))
print(sorted(mapped))

anything = any(v > 300000 for v in numbers(6, 100009))
print("any", anything)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        v = self.n * 100012
        return v


neg = sorted(map(lambda v: -v, Countdown(5)))
print(neg)

odd = tuple(filter(lambda v: v % 3, Countdown(7)))
print(list(filter(lambda v: v % 3 == 1, range(10))), list(filter(lambda v: v % 3, numbers(7, 1))))
print(odd)

# Items shared with a list: counts as the drains leave them.
items = [10**6 + i for i in range(3)]
doubled = list(map(lambda v: v, items))
print([sys.getrefcount(x) for x in items])
print(sum(x for x in items if x % 2), sys.getrefcount(items[1]))


# A generator that stops the drain with an exception half-way.
def failing():
    yield 1
    yield 2
    raise ValueError("third")


try:
    list(map(lambda v: v * 10, failing()))
except ValueError as exc:
    print("map:", exc)
try:
    set(x for x in failing())
except ValueError as exc:
    print("set:", exc)


def boom(v):
    if v == 3:
        raise KeyError(v)
    return v


try:
    list(map(boom, range(5)))
except KeyError as exc:
    print("call:", exc)
print(list(map(boom, [0, 1, 2])), sum(map(boom, range(3))))
# A for loop over a generator, with yield from inside.
def outer():
    yield 0
    yield from numbers(3, 1)
    yield 99


print([x for x in outer()], list(outer()))
