class A:
    __slots__ = 'single'

a = A()
a.single = 'one'
print(a.single, A.__slots__)

try:
    class Conflict:
        __slots__ = ('x',)
        x = 5
except ValueError as e:
    print("ValueError:", e)

try:
    class BadItem:
        __slots__ = ('ok', 3)
except TypeError as e:
    print("TypeError:", e)

try:
    class BadName:
        __slots__ = ('not an identifier',)
except TypeError as e:
    print("TypeError:", e)

class P:
    __slots__ = ('__secret', 'visible')

    def __init__(self):
        self.__secret = 42
        self.visible = 1

    def reveal(self):
        return self.__secret

p = P()
print(p.reveal(), p._P__secret)
print(sorted(n for n in P.__slots__))
print([n for n in dir(P) if 'secret' in n])

class WithDict:
    __slots__ = ('x', '__dict__')

w = WithDict()
w.x = 1
w.extra = 2
print(w.x, w.__dict__)

class Left:
    __slots__ = ('l',)

class Right:
    __slots__ = ('r',)

try:
    class Both(Left, Right):
        pass
except TypeError as e:
    print("TypeError:", e)

class Q:
    __slots__ = ('x',)

class R:
    __slots__ = ('x',)

q = Q()
try:
    R.x.__set__(q, 1) if False else setattr(q, 'x', 1)
    print(q.x)
except TypeError as e:
    print(e)

class Method:
    __slots__ = ()

    def f(self):
        return 1

m = Method()
try:
    m.f = 2
except AttributeError as e:
    print("AttributeError:", e)
print(m.f())
