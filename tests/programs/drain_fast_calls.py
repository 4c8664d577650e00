# Drains whose items come from plain Python calls (the fast call path),
# mixed with calls that are not plain, exceptions, nesting and generators
# suspended and resumed from different places.
import sys


def square(x):
    return x * x


def with_default(x, y=10):
    return x + y


def boom(x):
    if x == 3:
        raise ZeroDivisionError("item " + str(x))
    return x


class Box:
    def __init__(self, n):
        self.n = n

    def scale(self, x):
        return x * self.n


print(list(map(square, range(6))))
print(list(map(with_default, range(4))))
print(list(map(lambda a, b: a - b, range(5), range(10, 15))))
print(sum(map(Box(3).scale, range(5))))

try:
    print(list(map(boom, range(6))))
except ZeroDivisionError as e:
    print("caught", e)

partial = []
try:
    partial.extend(map(boom, range(6)))
except ZeroDivisionError:
    print("extended so far", partial)


def nested(n):
    return sum(map(square, range(n)))


print(list(map(nested, range(5))))


def numbers(n):
    for i in range(n):
        yield i


g = numbers(10)
print(any(x > 3 for x in g), next(g), list(g))

a = numbers(4)
b = numbers(4)
print(list(zip(a, b)), list(a), list(b))

items = [object() for _ in range(3)]
before = [sys.getrefcount(items[i]) for i in range(3)]
kept = list(map(lambda o: o, items))
print([sys.getrefcount(items[i]) - before[i] for i in range(3)])
del kept
print([sys.getrefcount(items[i]) - before[i] for i in range(3)])

big = [str(i) * 3 for i in range(5)]
print(set(map(len, (s for s in big))), sorted(filter(lambda s: s > "2", big)))


def recurse(n):
    if n == 0:
        return [0]
    return list(map(lambda x: x + 1, recurse(n - 1))) + [0]


print(recurse(4))

try:
    print(tuple(filter(lambda x: 1 / (x - 2), range(5))))
except ZeroDivisionError as e:
    print("filter raised", e)
