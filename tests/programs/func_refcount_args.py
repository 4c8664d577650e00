import sys


def show(x, *rest, **named):
    print(sys.getrefcount(x))
    print(sys.getrefcount(rest) if rest else "no rest", len(rest))
    print(sys.getrefcount(named))


value = "an-argument"
print(sys.getrefcount(value))
show(value)
show(value, value, k=value)
print(sys.getrefcount(value))


def with_default(d=["default"]):
    return sys.getrefcount(d)


print(with_default())
