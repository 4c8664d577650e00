import sys
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves

print(len(hanoi(5)), hanoi(2))

def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), len(fib.cache))

def perms(xs):
    if len(xs) <= 1:
        yield list(xs)
        return
    for i, x in enumerate(xs):
        for p in perms(xs[:i] + xs[i + 1:]):
            yield [x] + p

print(list(perms([1, 2, 3])))
print(sum(1 for _ in perms(list(range(5)))))

def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, (3, [4, 5]), 6], [[[7]]]])))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))
try:
    depth(10 ** 5)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), [gcd(i, 12) for i in range(1, 13)])
