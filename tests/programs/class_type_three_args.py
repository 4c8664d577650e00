# type(name, bases, dict) makes a class as a class statement would.
import gc
import sys

gc.collect()


def greet(self):
    return "hi from " + type(self).__name__


Base = type("Base", (), {"greet": greet, "kind": "base"})
print(Base, Base.__name__, Base.__qualname__, Base.__module__)
print(list(vars(Base)))
print(Base().greet(), Base.kind)
Child = type("Child", (Base,), {"kind": "child", "__qualname__": "Outer.Child"})
print(Child, Child.__qualname__, Child.__mro__)
print(Child().greet(), Child.kind, isinstance(Child(), Base))
print(sys.getrefcount(Base), sys.getrefcount(Child))
Slotted = type("Slotted", (), {"__slots__": ("x",)})
s = Slotted()
s.x = 4
print(s.x, list(vars(Slotted)))
print(type("Num", (int,), {})(7) + 1)
namespace = {"a": [1]}
Made = type("Made", (), namespace)
namespace["a"].append(2)
namespace["b"] = 3
print(Made.a, hasattr(Made, "b"))
for args in (
    (1, (), {}),
    ("X", [], {}),
    ("X", (), []),
    ("X", (1,), {}),
):
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("Q", (), {"__qualname__": 5})
except TypeError as e:
    print("TypeError:", e)
del Made
print(gc.collect())
