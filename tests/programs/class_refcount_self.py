# A class object's own count: its __mro__ tuple holds it, and so do the
# __dict__/__weakref__ descriptors, slot members and a __class__ cell.
import sys


class Plain:
    pass


print("plain", sys.getrefcount(Plain))


class Child(Plain):
    pass


# Child's __bases__ and __mro__ tuples and its __base__ hold Plain.
print("child", sys.getrefcount(Child), "plain now", sys.getrefcount(Plain))


class WithMethods:
    def f(self):
        return 1

    def g(self):
        return 2


print("methods", sys.getrefcount(WithMethods))


class UsesSuper(Plain):
    def f(self):
        return super().__init__()


print("super user", sys.getrefcount(UsesSuper))


class UsesClassCell:
    def f(self):
        return __class__


print("__class__ user", sys.getrefcount(UsesClassCell))


class Slotted:
    __slots__ = ("a", "b", "c")


print("three slots", sys.getrefcount(Slotted))


class SlottedDict:
    __slots__ = ("a", "__dict__")


print("slot and __dict__", sys.getrefcount(SlottedDict))


class NoSlots:
    __slots__ = ()


print("empty slots", sys.getrefcount(NoSlots))


class OnlyWeak:
    __slots__ = ("__weakref__",)


print("weakref slot", sys.getrefcount(OnlyWeak))


class AfterSlots(Slotted):
    pass


print("subclass of slotted", sys.getrefcount(AfterSlots))


class Both(Plain, NoSlots):
    pass


print("two bases", sys.getrefcount(Both), sys.getrefcount(NoSlots))

instances = [Plain() for _ in range(4)]
print("four instances", sys.getrefcount(Plain))
del instances
print("instances gone", sys.getrefcount(Plain))
method = WithMethods().f
print("bound method", sys.getrefcount(WithMethods))
del method
print("bound method gone", sys.getrefcount(WithMethods))


def local():
    class Inner:
        pass

    print("local", sys.getrefcount(Inner))
    alias = Inner
    print("local alias", sys.getrefcount(Inner))
    return alias


kept = local()
print("returned", sys.getrefcount(kept))
