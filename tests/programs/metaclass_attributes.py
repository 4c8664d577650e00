class Meta(type):
    _secret = 0

    @property
    def secret(cls):
        return cls._secret

    @secret.setter
    def secret(cls, value):
        print("setting secret of", cls.__name__, "to", value)
        cls._secret = value * 2

    @classmethod
    def make(mcs, name):
        print("make through", mcs.__name__)
        return mcs(name, (), {"made": True})

    @staticmethod
    def helper(x):
        return x + 1

    def describe(cls):
        return f"{cls.__name__}: {sorted(k for k in vars(cls) if not k.startswith('__'))}"


class Box(metaclass=Meta):
    size = 3


Box.secret = 5
print(Box.secret, Box._secret, Meta._secret)
Made = Box.make("Made")
print(type(Made).__name__, Made.made, Made.describe(), Box.helper(1))
del Box.size
print(hasattr(Box, "size"), Box.describe())
try:
    Box.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Box().secret
except AttributeError as e:
    print("AttributeError:", e)


class Hooked:
    def __init_subclass__(cls, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        print("hooked", cls.__name__, tag)


class Named:
    def __set_name__(self, owner, name):
        print("named", owner.__name__, name)


Dyn = type("Dyn", (Hooked,), {"field": Named()}, tag="dyn")
print(Dyn.tag, type(Dyn).__name__)


class Plain:
    def __init__(self, name, bases, ns):
        print("Plain as metaclass", name, bases, sorted(k for k in ns if not k.startswith("__")))


class NotReallyAClass(metaclass=Plain):
    v = 1


print(type(NotReallyAClass).__name__)
try:
    class Conflicting(Box, metaclass=Plain):
        pass
except TypeError as e:
    print("TypeError:", e)


class Lazy(type):
    def __getattr__(cls, name):
        if name.startswith("get_"):
            return f"{cls.__name__} computes {name[4:]}"
        raise AttributeError(f"{cls.__name__} has no {name!r}")


class Settings(metaclass=Lazy):
    real = "stored"


print(Settings.real, Settings.get_colour, getattr(Settings, "get_size"))
print(hasattr(Settings, "other"), hasattr(Settings().__class__, "get_x"))
try:
    Settings.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    Settings().get_colour
except AttributeError as e:
    print("AttributeError:", e)
