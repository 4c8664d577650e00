# Class calls on a site's first run (the generic path, whose __init__ runs
# inside the CALL) from places that are themselves calls from native code:
# a sort key, a generator, map(), a property, __repr__, a comprehension.
import sys


class Box:
    def __init__(self, v):
        self.v = v
        self.refs = sys.getrefcount(v)

    def __repr__(self):
        return f"Box({self.v}, {Wrapper(self.v).w})"


class Wrapper:
    def __init__(self, w):
        self.w = w * 10


big = 10**30
print(sorted([3, 1, 2], key=lambda x: Box(x).v))
print([b.v for b in (Box(i) for i in range(3))])
print(list(map(lambda x: Box(x).refs, [big, big])))
print(Box(big).refs, Box(big).refs)
print(repr(Box(4)), [Box(i) for i in range(2)])


class Lazy:
    @property
    def box(self):
        return Box(7)


print(Lazy().box.v, max(Box(i).v for i in range(4)))


def gen():
    for i in range(2):
        yield Box(i * 100)


print([b.v for b in gen()], sum(Box(i).v for i in range(5)))
