# Tricky: what keeps a deleted class alive (instances, its __mro__ held
# elsewhere, subclasses), and an instance cycle with its class.
import gc
import sys

gc.collect()


class Kept:
    pass


obj = Kept()
del Kept
print("instance alive", gc.collect(), type(obj).__name__)
del obj
print("instance gone", gc.collect())


class Parent:
    pass


class Kid(Parent):
    pass


del Parent
print("subclass keeps the base", gc.collect(), Kid.__base__.__name__)
del Kid
print("both", gc.collect())


class Held:
    pass


mro = Held.__mro__
print(sys.getrefcount(Held))
del Held
print("mro tuple held", gc.collect(), mro[0].__name__, sys.getrefcount(mro[0]))
del mro
print("mro dropped", gc.collect())


class Cyclic:
    def __init__(self):
        self.me = self


Cyclic()
print("instance cycle, class alive", gc.collect())
Cyclic()
del Cyclic
print("instance cycle and class", gc.collect())


class Desc:
    pass


d = Desc.__dict__["__dict__"]
print(sys.getrefcount(Desc))
del Desc
print("descriptor keeps it", gc.collect(), d.__objclass__.__name__)
del d
print("descriptor dropped", gc.collect())


class Self:
    pass


Self.me = Self
print(sys.getrefcount(Self))
del Self
print("class attribute to itself", gc.collect())
