class N(type):
    def __new__(mcs, name, bases, ns):
        return super().__new__(mcs, name, bases, ns)
class E(Exception, metaclass=N):
    pass
try:
    raise E("boom")
except E as e:
    print("caught", e, type(type(e)).__name__)
print(list(map(E, ["a"])))
class Slotted(metaclass=N):
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
print(Slotted(3).a, [s.a for s in map(Slotted, [1, 2])])
class WithSuper(metaclass=N):
    def hi(self):
        return "super " + __class__.__name__
print(WithSuper().hi())
T = N("T", (), {})
print(T, type(T))
class Q(list, metaclass=N):
    pass
print(Q("ab"), list(map(Q, ["xy"])))
class G(metaclass=N):
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print(e)
