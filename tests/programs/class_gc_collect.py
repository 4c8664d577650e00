# A class is always in a cycle (its __mro__ tuple holds it), so deleting
# the last name only makes it garbage: gc.collect() frees it with its dict,
# its tuples, descriptors and the functions only it holds.
import gc

gc.collect()


class Plain:
    pass


del Plain
print("plain", gc.collect())


class Base:
    pass


class Sub(Base):
    pass


del Sub
print("subclass (its (Base,) bases tuple is tracked)", gc.collect())


class Slots:
    __slots__ = ("x", "y")


del Slots
print("two slots", gc.collect())


class Empty:
    __slots__ = ()


del Empty
print("empty slots", gc.collect())


class Methods:
    def f(self):
        return 1

    def g(self):
        return 2


del Methods
print("two methods", gc.collect())


class Super(Base):
    def f(self):
        return super().f()


del Super
print("super user (cell, closure)", gc.collect())


class Attrs:
    items = [1, 2]
    table = {}
    name = "attrs"


del Attrs
print("list and dict attributes", gc.collect())


def make():
    class Local:
        pass

    return 1


make()
print("local class", gc.collect())
for _ in range(3):
    make()
print("three local classes", gc.collect())
print("nothing left", gc.collect())
