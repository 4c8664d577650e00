# Tricky: a class's count in the places a class ends up: nested in another
# class's dict, default arguments, containers, borrowed parameters, one
# __class__ cell shared by several methods.
import sys


class Outer:
    class Inner:
        pass

    def make(self):
        return self.Inner()


print("Inner", sys.getrefcount(Outer.Inner), "Outer", sys.getrefcount(Outer))
inner = Outer.Inner
print("Inner named", sys.getrefcount(inner))


class Shared:
    def a(self):
        return __class__

    def b(self):
        return super().__repr__()

    def c(self):
        return __class__.__name__


print("one cell for three methods", sys.getrefcount(Shared))


def factory(kind=Shared):
    return sys.getrefcount(kind)


print("default and borrowed", factory(), sys.getrefcount(Shared))
registry = {"shared": Shared, "outer": Outer}
kinds = [Shared, Shared, Outer]
print("in containers", sys.getrefcount(Shared), sys.getrefcount(Outer))
del registry, kinds
print("containers gone", sys.getrefcount(Shared), sys.getrefcount(Outer))


def count_local():
    local = Shared
    return sys.getrefcount(local)


print("local", count_local())
objs = [Outer().make() for _ in range(3)]
print("three Inner instances", sys.getrefcount(inner))
print(Shared().a() is Shared, Shared().c())
