class Tracing:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)

t = Tracing()
print(t.a)
try:
    t.missing
except AttributeError as e:
    print("AttributeError:", e)

class Fallback:
    def __init__(self):
        self.real = 'real'

    def __getattribute__(self, name):
        if name.startswith('x'):
            raise AttributeError(name)
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return 'fallback ' + name

f = Fallback()
print(f.real)
print(f.xyz)
print(f.other)

class Constant:
    def __getattribute__(self, name):
        return 42

c = Constant()
print(c.anything, c.__class__)
print(getattr(c, 'foo'))
print(hasattr(c, 'bar'))

class Raising:
    def __getattribute__(self, name):
        raise KeyError(name)

r = Raising()
try:
    r.x
except KeyError as e:
    print("KeyError:", e)
