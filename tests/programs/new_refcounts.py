import sys

class Tracked:
    made = []

    def __new__(cls, *args):
        obj = super().__new__(cls)
        Tracked.made.append(obj)
        return obj

    def __init__(self, value):
        self.value = value

t = Tracked(1)
print(sys.getrefcount(t))
u = Tracked(2)
print(len(Tracked.made), Tracked.made[0] is t)
Tracked.made.clear()
print(sys.getrefcount(t))

class Cache:
    pool = {}

    def __new__(cls, key):
        if key in cls.pool:
            return cls.pool[key]
        obj = object.__new__(cls)
        cls.pool[key] = obj
        return obj

    def __init__(self, key):
        self.key = key
        self.inits = getattr(self, 'inits', 0) + 1

a = Cache('a')
b = Cache('a')
c = Cache('c')
print(a is b, a is c, a.inits, c.inits)
print(sys.getrefcount(a) - sys.getrefcount(c))
del b
print(sys.getrefcount(a) - sys.getrefcount(c))
