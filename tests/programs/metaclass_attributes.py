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
