def fib_memo():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        result = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = result
        return result
    return fib, cache
fib, cache = fib_memo()
print(fib(50), len(cache))
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
print(c(), c(), c(5), c.__closure__[0].cell_contents)
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def late():
    return [lambda x: x * i for i in range(4)]
print([m(10) for m in late()])
def deco(f):
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args, kwargs)
        return f(*args, **kwargs)
    return wrapper
@deco
def add(a, b=0, *, scale=1):
    return (a + b) * scale
print(add(1, 2), add(3, scale=2))
