# Functions carry attributes in their own __dict__ (made when first needed).
import sys
def counted(f):
    def wrapper(*args):
        wrapper.calls += 1
        return f(*args)
    wrapper.calls = 0
    wrapper.__wrapped__ = f
    return wrapper
@counted
def add(a, b):
    return a + b
add(1, 2)
add(3, 4)
print(add.calls, add.__wrapped__.__name__, add.__name__, add.__qualname__)
print(sorted(add.__dict__), add.__dict__["calls"])
print(sys.getrefcount(add.__dict__))
marker = ["m"]
add.tag = marker
print(sys.getrefcount(marker))
del add.tag
print(sys.getrefcount(marker))
del add.calls
print(hasattr(add, "calls"), getattr(add, "calls", "none"))
try:
    add.calls
except AttributeError as e:
    print("AttributeError:", e)
def plain():
    pass
print(plain.__dict__, plain.__defaults__, plain.__kwdefaults__, plain.__closure__)
setattr(plain, "x", 1)
print(plain.x, vars(plain) if False else plain.__dict__)
def with_defaults(a, b=[1], *, c=2):
    return a
print(with_defaults.__defaults__, with_defaults.__kwdefaults__, with_defaults.__module__)
def outer():
    n = 0
    def inner():
        return n
    return inner
print(type(outer().__closure__).__name__, len(outer().__closure__))
