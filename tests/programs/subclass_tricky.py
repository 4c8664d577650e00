import gc

class Stack(list):
    def push(self, x):
        super().append(x)
        return self

    def append(self, x):
        print("own append", x)
        super().append(x * 2)

s = Stack()
s.push(1).push(2)
s.append(3)
print(s)
Stack.append(s, 4)
print(s, Stack.push is Stack.__dict__['push'] if False else 'ok')

class Loop(list):
    pass

gc.collect()
l = Loop()
l.append(l)
l.me = l
del l
print(gc.collect())

class Registry(dict):
    def __init_subclass__(cls, **kw):
        print("sub", cls.__name__)

class Special(Registry):
    def __missing__(self, key):
        return key.upper()

sp = Special(a='x')
print(sp['a'], sp['b'], sp)
print(isinstance(sp, Registry), type(sp) is Special, Special.__mro__)
print(Special.get(sp, 'a'))
ids = {id(Stack()) for _ in range(3)}
print(len(ids) >= 1)
