class Validating(type):
    def __new__(mcs, name, bases, ns):
        if "required" not in ns and bases:
            raise TypeError(f"{name} must define 'required'")
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if ns.get("required") == "boom":
            raise ValueError("boom in __init__")


class Base(metaclass=Validating):
    pass


try:
    class Missing(Base):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Boom(Base):
        required = "boom"
except ValueError as e:
    print("ValueError:", e)


class Good(Base):
    required = 1


print(Good.required)


class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        raise RuntimeError("no namespace for " + name)


try:
    class P(metaclass=BadPrepare):
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    class Q(Base):
        required = 1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

try:
    type.__new__(Validating, "X", (), {}, extra=1)
except TypeError as e:
    print("TypeError:", e)

try:
    Validating("Y", (Base,))
except TypeError as e:
    print("TypeError:", e)

try:
    type.__new__(int, "Z", (), {})
except TypeError as e:
    print("TypeError:", e)


class Final(Base):
    required = 2

    def __init__(self):
        raise KeyError("from __init__")


print(list(map(lambda c: c.__name__, [Base, Good, Final])))
items = list(map(Final, []))
print(items)
print(sorted([3, 1], key=Good))
