import sys

class Base:
    __slots__ = ('a',)

class WithSlots(Base):
    __slots__ = ('b',)

class NoSlots(Base):
    pass

class Plain:
    pass

w = WithSlots()
w.a = 1
w.b = 2
print(w.a, w.b)
print(hasattr(w, '__dict__'))
try:
    w.c = 3
except AttributeError as e:
    print(e)

n = NoSlots()
n.a = 1
n.c = 3
print(n.a, n.c, n.__dict__)

class Empty:
    __slots__ = ()

print(sys.getsizeof(Empty()) < sys.getsizeof(Base()))
print(sys.getsizeof(Base()) < sys.getsizeof(WithSlots()))
print(sys.getsizeof(Plain()) == sys.getsizeof(NoSlots()))
print(sys.getsizeof(Empty()) < sys.getsizeof(Plain()))

class Both(Plain):
    __slots__ = ('x',)

b = Both()
b.x = 1
b.y = 2
print(b.x, b.__dict__)
print(sorted(k for k in dir(w) if not k.startswith('__')))
print('__dict__' in dir(w), '__dict__' in dir(n))
e = Empty()
try:
    e.anything = 1
except AttributeError as err:
    print(err)
