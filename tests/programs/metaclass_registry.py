import sys

class Registry(type):
    classes = {}

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes[name] = cls

    def describe(cls):
        return f"class {cls.__name__} with {len(cls.__dict__)} entries"

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Base(metaclass=Registry):
    x = 1


class Child(Base):
    def hello(self):
        return "hi"


print(sorted(Registry.classes))
print(type(Base), type(Child))
print(type(Base) is Registry, isinstance(Child, Registry), isinstance(Child, type))
print(Child.describe())
print(Child.upper_name)
print(repr(Base))
print(Child().hello())
print(sys.getrefcount(Registry))
print(sys.getrefcount(Base))
print(Base.__class__, Registry.__mro__)
