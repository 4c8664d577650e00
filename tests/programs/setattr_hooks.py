class Logged:
    def __init__(self, x):
        self.x = x

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)

l = Logged(1)
l.y = 2
print(l.x, l.y, l.__dict__)
del l.x
print(l.__dict__)
setattr(l, 'z', 3)
delattr(l, 'z')
try:
    del l.nothing
except AttributeError as e:
    print("AttributeError:", e)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")

f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print(e)
print(f.v)

class Upper:
    def __setattr__(self, name, value):
        super().__setattr__(name.upper(), value)

u = Upper()
u.abc = 1
print(u.__dict__)
