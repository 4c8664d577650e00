# Plain function calls and returns (the fast loop's), mixed with generator
# frames, class bodies and deep recursion: returned frames are reused, and
# ids, refcounts and recursion limits must stay CPython's.
import sys


def add(a, b):
    return a + b


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def gen(n):
    for i in range(n):
        yield add(i, 1000)


def local_use(x):
    t = [x, x]
    return len(t)


print(fib(15), add(2, 3), depth(50))
# generators interleaved with plain calls
g = gen(3)
print(next(g), add(1, 2), next(g), fib(5), list(g))
total = 0
for v in gen(4):
    total += add(v, fib(3))
print(total)
# a frame used for a class body between calls
class Box:
    size = add(20, 22)

    def get(self):
        return self.size


print(Box().get(), add(Box.size, 1))
# refcounts of arguments and the function while calls run
obj = [1, 2]
print(sys.getrefcount(obj), local_use(obj), sys.getrefcount(obj))
print(sys.getrefcount(add))
f = add
print(f(1, 1), sys.getrefcount(add))
del f
# too deep: RecursionError, then calls work again
try:
    depth(100000)
except RecursionError as error:
    print("RecursionError:", error)
print(depth(30), fib(10))
# ids of results freed and reused across calls
a = add(10**9, 1)
first = id(a)
del a
b = add(10**9, 2)
print(id(b) == first)
# a lambda and a nested function (closures are not plain calls)
sq = lambda n: n * n
print(sq(12), list(map(sq, [1, 2, 3])))


def outer(k):
    def inner(m):
        return m + k

    return inner(1)


print(outer(5))
# wrong argument count: the general path's TypeError
try:
    add(1)
except TypeError as error:
    print("TypeError:", error)
