class Proxy:
    __slots__ = ('_target',)

    def __init__(self, target):
        object.__setattr__(self, '_target', target)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

class Target:
    def __init__(self):
        self.x = 1

    def hello(self):
        return 'hello from target'

t = Target()
p = Proxy(t)
print(p.x, p.hello())
p.y = 5
print(t.y, hasattr(p, 'y'), hasattr(p, 'nope'))
print(getattr(p, 'nope', 'default'))

class Lazy:
    @property
    def value(self):
        print("computing")
        return 99

    def __getattribute__(self, name):
        if name == 'secret':
            raise AttributeError('hidden')
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f'missing {name}'

l = Lazy()
print(l.value)
print(l.secret)
print(l.other)

class History:
    def __init__(self):
        object.__setattr__(self, 'log', [])

    def __setattr__(self, name, value):
        self.log.append(name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self.log.append('-' + name)
        object.__delattr__(self, name)

h = History()
h.a = 1
h.b = 2
h.a = 3
del h.b
print(h.log, h.__dict__)
try:
    del h.zzz
except AttributeError as e:
    print("AttributeError:", e)
print(h.log)
