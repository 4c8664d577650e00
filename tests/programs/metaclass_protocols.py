# A metaclass's special methods act on its classes: len(), iteration,
# `in`, subscription, truth, isinstance()/issubclass() hooks (an exact type
# match never asks __instancecheck__).
class Registry(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls.members = [k for k in ns if not k.startswith("_")]
        return cls

    def __iter__(cls):
        return iter(cls.members)

    def __len__(cls):
        return len(cls.members)

    def __contains__(cls, name):
        return name in cls.members

    def __getitem__(cls, name):
        return getattr(cls, name)


class Color(metaclass=Registry):
    RED = 1
    GREEN = 2
    BLUE = 3


print(len(Color), list(Color), "RED" in Color, "PINK" in Color)
print(Color["GREEN"], sorted(Color, reverse=True), bool(Color))
for name in Color:
    print(name, Color[name])
try:
    Color["PINK"]
except AttributeError as e:
    print("AttributeError:", e)


class Empty(type):
    def __len__(cls):
        return 0


class Nothing(metaclass=Empty):
    pass


print(bool(Nothing), "yes" if Nothing else "no")


class Duck(type):
    def __instancecheck__(cls, obj):
        print("  instancecheck", type(obj).__name__)
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        print("  subclasscheck", sub.__name__)
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    pass


class Mallard:
    def quack(self):
        return "quack"


print(isinstance(Mallard(), Quacker), isinstance(3, Quacker))
print(isinstance(Quacker(), Quacker))
print(isinstance(3, (int, Quacker)), isinstance("s", (Quacker, int)))
print(issubclass(Mallard, Quacker), issubclass(int, Quacker))
print(issubclass(Mallard, (Quacker,)), issubclass(Quacker, Quacker))
try:
    len(Mallard)
except TypeError as e:
    print(e)
try:
    iter(Mallard)
except TypeError as e:
    print(e)
