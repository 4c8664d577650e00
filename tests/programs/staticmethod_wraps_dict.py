# staticmethod(f) and classmethod(f) copy f's __module__, __name__,
# __qualname__ and __doc__ into a __dict__ of their own (functools.wraps
# style); the implicit ones type() makes (__new__, __init_subclass__) do not.
import sys


def f():
    "Docstring of f."
    return 1


def g():
    return 2


sm = staticmethod(f)
cm = classmethod(g)
print(sm.__dict__)
print(cm.__dict__)
print(sm.__dict__ is sm.__dict__, sm.__func__ is f, f.__doc__, g.__doc__)
print(sys.getrefcount(sm), sys.getrefcount(f), sys.getrefcount(g))
print(sys.getrefcount(sm.__dict__))


class Tool:
    def __new__(cls):
        return super().__new__(cls)

    @staticmethod
    def make():
        "Make one."
        return Tool()

    @classmethod
    def build(cls):
        return cls()


print(type(Tool.__dict__["__new__"]).__name__, Tool.__dict__["make"].__dict__["__doc__"])
print(Tool.__dict__["build"].__dict__["__qualname__"])
print(type(Tool.make()).__name__, type(Tool.build()).__name__)
