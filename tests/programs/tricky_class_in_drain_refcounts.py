# A class called by native code (map, sorted's key, min's key) makes its
# instance before __init__ runs; the counts on the way are CPython's.
import sys

class Box:
    made = []
    def __init__(self, value):
        # The instance is referenced by `self` and by the call in progress.
        print("init", value, sys.getrefcount(self))
        Box.made.append(self)
        self.value = value
    def __lt__(self, other):
        return self.value < other.value

boxes = list(map(Box, [3, 1, 2]))
print([b.value for b in boxes], [sys.getrefcount(b) for b in boxes])
print([b.value for b in sorted(boxes)])
keys = sorted([5, 4], key=Box)
print(keys, len(Box.made))
print(min([8, 6, 7], key=Box), len(Box.made))
total = sum(b.value for b in map(Box, range(4)))
print(total, len(Box.made))

class Picky:
    def __init__(self, value, scale=1):
        if value < 0:
            raise ValueError("negative: %d" % value)
        self.value = value * scale

try:
    print([p.value for p in map(Picky, [1, -2, 3])])
except ValueError as error:
    print("ValueError:", error, sys.getrefcount(error))
print([p.value for p in map(Picky, [1, 2], [10, 100])])
try:
    list(map(Picky, [1], [2], [3]))
except TypeError as error:
    print("TypeError:", error)

class NoInit:
    pass
try:
    print(len(list(map(NoInit, []))))
except NotImplementedError:
    print("not supported")
