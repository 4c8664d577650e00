# super() as a value: a module that names `super` itself makes CPython
# compile every super().name as a plain call, so a super object is made
# each time; super(C, obj) at module level; its repr, errors and counts.
import sys


class Base:
    def greet(self):
        return "base greet"

    @classmethod
    def make(cls):
        return f"made by {cls.__name__}"

    def __repr__(self):
        return "Base()"


class Child(Base):
    def greet(self):
        return "child / " + super().greet()

    @classmethod
    def make(cls):
        return "child " + super().make()

    def saved(self):
        s = super()
        return s, s.greet(), sys.getrefcount(self)


c = Child()
print(c.greet(), Child.make())
s, text, refs = c.saved()
print(repr(s), text, refs, sys.getrefcount(c))
print(super(Child, c).greet(), super(Child, Child).make())
print(repr(super(Child, c)), type(super(Child, c)).__name__)
del s
for bad in [(1, c), (Child, 1), (int, c)]:
    try:
        super(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    super(Child, c).missing
except AttributeError as e:
    print("AttributeError:", e)


def outside():
    return super()


try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
print(super(Base, c).__repr__()[:8], sys.getrefcount(c))
