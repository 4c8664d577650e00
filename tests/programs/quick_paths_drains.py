# Quick paths of this session: str(int), -int, STORE_FAST_LOAD_FAST, set of
# ints, str.join, sorted ints, drains returning and yielding directly.
import sys

# str(i): one digit (the cached one-character str), negative, large.
print([str(i) for i in (0, 7, -7, 10, 255, 256, -256, 2**62, -2**63)])
print(str(True), str(-0), "".join(str(d % 10) for d in range(25)))
class MyInt(int):
    def __str__(self):
        return "my" + int.__str__(self)
print(str(MyInt(5)), [str(x) for x in (1, 2)])

# -x: small, large, the overflow into a big int.
values = [3, -3, 0, 2**62, -2**63, 5.5, True]
print([-v for v in values])

# A genexp's STORE_FAST_LOAD_FAST, sets of ints (-1 hashes as -2).
print(sorted(set(x % 7 - 3 for x in range(50))), len(set(x for x in (-1, -2, 2**70, -1))))

# str.join over generators, reversed views and a single item.
words = "the quick brown fox".split()
print("-".join(reversed(words)), "+".join(w for w in words if "o" in w), "".join(iter(["only"])))
try:
    "".join(x for x in ["a", 1])
except TypeError as error:
    print("TypeError:", error)

# sorted ints: reverse, duplicates, bools keep the general path.
print(sorted([5, -1, 3, 3, 0]), sorted(map(lambda x: x % 5, range(12)), reverse=True))
print(sorted([True, 2, 0, False, 1]))

# map and filter over generators, the function's item counted while it runs.
def numbers(n, start=0):
    for i in range(n):
        yield (i + start) * 1000

def counted(x):
    return sys.getrefcount(x)

print(list(map(counted, numbers(3, 1))), sum(map(lambda x: x % 7, numbers(100))))
print(tuple(filter(lambda x: x % 3000 == 0, numbers(10))))

# A generator that fails half-way through a map, one with a finally.
def failing():
    yield 1000
    yield 2000
    raise ValueError("no third")

try:
    list(map(lambda x: x + 1, failing()))
except ValueError as error:
    print("ValueError:", error)

def guarded():
    try:
        for i in range(3):
            yield i + 500
    finally:
        print("finally ran")

print(set(map(lambda x: x * 2, guarded())))

# A map function that raises, a filter whose function returns non-bools.
try:
    list(map(lambda x: 1 // (x - 2000), numbers(4)))
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
print(list(filter(lambda x: x and x - 1000, numbers(4))))

# An iterator class whose class attribute changes while a map pulls from it.
class Counter:
    step = 1
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += self.step
        if self.i == 3:
            Counter.step = 2
        return self.i * 1000

print(sorted(map(lambda x: -x, Counter(10))))
