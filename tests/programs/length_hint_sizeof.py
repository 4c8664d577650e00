# __length_hint__ tells list() how much room to make before iterating (the
# list's allocation shows in sys.getsizeof), and __sizeof__ is what
# sys.getsizeof reports, plus the header CPython keeps before the object.
import sys

POINTER = 8 if sys.maxsize > 2**32 else 4


def slots(lst):
    """How many item pointers the list has room for."""
    return (sys.getsizeof(lst) - sys.getsizeof([])) // POINTER


class Countdown:
    def __init__(self, start, hint):
        self.current = start
        self.hint = hint

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current

    def __length_hint__(self):
        print("  length hint asked:", self.hint)
        return self.hint


for hint in [0, 3, 5, 10, 40, NotImplemented]:
    items = list(Countdown(5, hint))
    print(hint, items, slots(items))

print(tuple(Countdown(2, 7)))
grown = [9, 8]
grown.extend(Countdown(3, 3))
print(grown, slots(grown))
print(sorted(Countdown(4, 4)))


class Blob:
    def __init__(self, size):
        self.size = size

    def __sizeof__(self):
        print("  sizeof asked")
        return self.size


small, large = Blob(10), Blob(1000)
print(sys.getsizeof(large) - sys.getsizeof(small))
print(sys.getsizeof(large) > 1000, large.__sizeof__())


class Slotted:
    __slots__ = ("size",)

    def __init__(self, size):
        self.size = size

    def __sizeof__(self):
        return self.size


# A class without a __dict__ has a smaller header than one with it.
print(sys.getsizeof(Blob(64)) - sys.getsizeof(Slotted(64)) == 2 * POINTER)
print(sys.getsizeof(Slotted(64)) - 64 == 2 * POINTER)


class Child(Blob):
    pass


print(sys.getsizeof(Child(50)) - sys.getsizeof(Blob(50)))
