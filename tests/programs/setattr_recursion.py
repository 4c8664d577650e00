class Counter:
    def __init__(self):
        self.count = 0

    def __setattr__(self, name, value):
        if name == 'count':
            object.__setattr__(self, 'changes', getattr(self, 'changes', -1) + 1)
        object.__setattr__(self, name, value)

c = Counter()
c.count = 5
c.count = 6
print(c.count, c.changes)

class Bad:
    def __setattr__(self, name, value):
        self.__dict__[name] = value * 2

b = Bad()
b.x = 21
print(b.x)

class Slotted:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)

s = Slotted()
s.a = 1
print(s.a)
try:
    s.b = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__setattr__(s, 'c', 3)
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__setattr__(s, 5, 3)
except TypeError as e:
    print("TypeError:", e)
