# for loops over iterator classes: each __next__ a frame, its value pushed
# for the loop, StopIteration ending it; counts as CPython keeps them.
import sys


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return [self.n]


it = Countdown(3)
for item in it:
    # The loop's reference, `it`, the getrefcount argument.
    print(item, sys.getrefcount(it), sys.getrefcount(item))
print("after", sys.getrefcount(it))


class Pairs:
    def __init__(self, data):
        self.data = data
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self, step=1):
        if self.i >= len(self.data):
            raise StopIteration
        self.i += step
        return self.data[self.i - step]


total = 0
for x in Pairs([10, 20, 30]):
    for y in Countdown(2):
        total += x * (y[0] + 1)
print("total", total)


class Broken:
    def __iter__(self):
        return self

    def __next__(self):
        raise KeyError("inside __next__")


try:
    for z in Broken():
        print("never")
except KeyError as exc:
    print("caught", exc)

found = None
for v in Countdown(10):
    if v[0] == 7:
        continue
    if v[0] == 5:
        found = v
        break
print("found", found, sys.getrefcount(found))

# A generator driven inside __next__, and next() by hand.
class FromGen:
    def __init__(self):
        self.g = (k * k for k in range(4))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.g)


print([s for s in FromGen()], next(iter(Countdown(1))))
print(list(zip(Countdown(2), FromGen())))
