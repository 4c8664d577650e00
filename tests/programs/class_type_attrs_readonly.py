# Tricky: type's own attributes of a class are read-only, but __weakref__
# is only an entry of the class's dict: replacing it removes the descriptor.
import sys


class A:
    pass


class B:
    pass


for name, value in (("__mro__", ()), ("__base__", B), ("__dict__", {})):
    try:
        setattr(A, name, value)
        print("set", name)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del A.__dict__
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
a = A()
print(a.__weakref__, "__weakref__" in dir(a), "__dict__" in dir(A))
print(sys.getrefcount(A))
A.__weakref__ = 1
print(sys.getrefcount(A), a.__weakref__, type(A.__dict__["__weakref__"]).__name__)
try:
    del a.__weakref__
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(A.__dict__ == A.__dict__, A.__dict__ == dict(A.__dict__))
print(len(A.__dict__), bool(A.__dict__), len(B.__dict__))
print(A.__doc__, B.__doc__)
