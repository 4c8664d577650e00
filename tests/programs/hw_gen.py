def countdown(n):
    print("start", n)
    try:
        while n > 0:
            got = yield n
            if got:
                n = got
            else:
                n -= 1
    finally:
        print("cleanup at", n)
    return "done"

g = countdown(3)
print(next(g), g.send(None), g.send(10), next(g))
g.close()
g = countdown(2)
print(list(g))
g = countdown(1)
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def chain(*its):
    for it in its:
        result = yield from it
        print("sub result", result)

print(list(chain([1, 2], countdown(2), "ab")))
squares = (x * x for x in range(5))
print(sum(squares), sum(squares))
evens = [x for x in range(10) if x % 2 == 0]
pairs = {(x, y) for x in range(3) for y in range(x)}
table = {x: [y for y in range(x)] for x in range(4)}
print(evens, sorted(pairs), table)
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "empty"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
class Range:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range(3)
print(list(r), list(r), [a + b for a in r for b in r][:5], 2 in r)
nums = [5, 3, 8]
total = 0
def add_all():
    global total
    for n in nums:
        total += n
add_all()
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(total, c(), c(), c.__closure__[0].cell_contents)
x = [lambda: i for i in range(3)]
print([f() for f in x], [(lambda i=i: i)() for i in range(3)])
try:
    print([1 / x for x in [1, 0]])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
finally:
    print("finally runs")
def f():
    try:
        return "try"
    finally:
        print("in finally")
print(f())
a, *b, c = range(6)
(d, e), f2 = [1, 2], 3
print(a, b, c, d, e, f2)
if (n := len(b)) > 3:
    print("walrus", n)
match {"type": "point", "x": 1, "y": 2}:
    case {"type": "circle"}:
        print("circle")
    case {"type": "point", "x": x, "y": y} if x < y:
        print("point", x, y)
