import sys

class Box:
    def __init__(self):
        self.store = {}

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.store[id(obj)]

    def __set__(self, obj, value):
        self.store[id(obj)] = value

class Thing:
    box = Box()

payload = [1, 2, 3]
base = sys.getrefcount(payload)
t = Thing()
t.box = payload
print(sys.getrefcount(payload) - base)
got = t.box
print(got is payload, sys.getrefcount(payload) - base)
del got
print(sys.getrefcount(payload) - base)
obj_base = sys.getrefcount(t)
for _ in range(3):
    t.box
print(sys.getrefcount(t) - obj_base)

class Slot:
    __slots__ = ('v',)

s = Slot()
s.v = payload
print(sys.getrefcount(payload) - base)
s.v = None
print(sys.getrefcount(payload) - base)
member = Slot.v
m_base = sys.getrefcount(member)
alias = Slot.v
print(sys.getrefcount(member) - m_base, alias is member)
