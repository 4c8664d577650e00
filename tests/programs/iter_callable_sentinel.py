# iter(callable, sentinel): CPython's callable_iterator calls the callable
# with no arguments until a result equals the sentinel (sentinel == result),
# or the call raises StopIteration; then it stays exhausted.
import sys

data = [3, 1, 4, 1, 5, 0, 9, 2]
pos = 0


def read():
    global pos
    pos += 1
    return data[pos - 1]


it = iter(read, 0)
print(type(it).__name__, type(it).__module__, repr(it).startswith("<callable_iterator object at 0x"))
print(iter(it) is it, sys.getsizeof(it) > 0)
for x in it:
    print("got", x)
print(next(it, "done"), pos)

pos = 0
print(list(iter(read, 5)))
pos = 0
print(sum(iter(read, 0)), pos)
pos = 0
print(sorted(iter(read, 9)), pos)
pos = 0
print(max(iter(read, 5)), pos)

# A builtin callable, and a bound method.
stack = [1, 2, 3, None, 4]
print(list(iter(stack.pop, 3)), stack)


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        if self.n > 4:
            raise StopIteration
        return self.n


c = Counter()
print(list(iter(c, 99)), c.n)


# The sentinel's own __eq__ decides.
class Limit:
    def __eq__(self, other):
        print("eq", other)
        return other >= 3

    __hash__ = None


n = 0


def count():
    global n
    n += 1
    return n


print([x * 10 for x in iter(count, Limit())])
a, b = iter(iter([7, 8, 0]).__next__, 0)
print(a, b)
print(dict(zip("abc", iter(count, 100))))
print(4 in iter(count, 100), n)

try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(read, 0, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    iter()
except TypeError as e:
    print("TypeError:", e)


def boom():
    raise ValueError("boom")


try:
    next(iter(boom, None))
except ValueError as e:
    print("ValueError:", e)
g = iter(lambda: 1, 1)
print(next(g, "empty"), next(g, "still empty"))
print(callable(read), callable(it))
