# A decorator copying __name__, __qualname__, __doc__, __module__ by hand
# (functools.wraps's job), their checks, and a bound method's attributes.
def logged(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__doc__ = func.__doc__
    wrapper.__module__ = func.__module__
    return wrapper


@logged
def area(w, h):
    """The area of a w x h rectangle."""
    return w * h


print(area(3, 4), area.__name__, area.__qualname__, area.__doc__, area.__module__)
print(repr(area).split(" at ")[0])
for name, value in (("__name__", 5), ("__qualname__", None)):
    try:
        setattr(area, name, value)
    except TypeError as e:
        print("TypeError:", e)
del area.__doc__
print(area.__doc__)
try:
    del area.__name__
except TypeError as e:
    print("TypeError:", e)
import sys
label = "".join(["lab", "el"])
area.__name__ = label
print(sys.getrefcount(label), area.__name__)
class A:
    def m(self, x=3):
        """Doc of m."""
        return x


a = A()
print(a.m.__name__, a.m.__qualname__, a.m.__doc__, a.m.__module__, a.m.__defaults__)
print(A.m.__name__, a.m.__func__ is A.m, a.m.__self__ is a)
