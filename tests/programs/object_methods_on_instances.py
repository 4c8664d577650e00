# The methods every class inherits from object, reached through an
# instance: bound method-wrappers, and object.__getstate__'s answers.
import sys

POINTER = 8 if sys.maxsize > 2**32 else 4


class Plain:
    pass


class Shown:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Shown({self.name!r})"


p = Plain()
s = Shown("x")
print(p.__repr__() == repr(p), p.__str__() == str(p))
print(s.__str__(), s.__repr__(), s.__format__(""))
print(p.__eq__(p), p.__eq__(s), p.__ne__(p), p.__lt__(p))
print(p.__hash__() == hash(p))
print(type(p.__eq__).__name__, type(p.__sizeof__).__name__)
print(p.__getattribute__("__class__") is Plain)
p.__setattr__("colour", "red")
print(p.colour, vars(p))
p.__delattr__("colour")
print(vars(p), p.__dir__() == dir(p) or sorted(p.__dir__()) == dir(p))
print(sys.getsizeof(p) - p.__sizeof__() == 4 * POINTER)

print("__slotnames__" in vars(Plain))
print(hasattr(p, "__getstate__"), p.__getstate__())
print("__slotnames__" in vars(Plain), Plain.__slotnames__)
print(s.__getstate__(), s.__getstate__() is s.__dict__)
s.extra = [1, 2]
state = s.__getstate__()
state["name"] = "changed"
print(s.name, s.__getstate__())
print([].__getstate__(), (5).__getstate__(), "text".__getstate__())


class Custom:
    def __getstate__(self):
        return "mine"


print(Custom().__getstate__(), "__slotnames__" in vars(Custom))


class Base:
    def __init__(self):
        self.a = 1


class Derived(Base):
    pass


d = Derived()
print(d.__getstate__(), "__slotnames__" in vars(Derived), "__slotnames__" in vars(Base))
print(sys.getrefcount(d.__dict__) - sys.getrefcount(d.__getstate__()))
