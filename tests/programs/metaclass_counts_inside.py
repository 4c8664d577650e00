import sys


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print("prepare", sys.getrefcount(mcs), bases and sys.getrefcount(bases))
        return {}

    def __new__(mcs, name, bases, ns, **kwargs):
        print("new", sys.getrefcount(mcs), bases and sys.getrefcount(bases), sys.getrefcount(ns))
        cls = super().__new__(mcs, name, bases, ns)
        print("new made", sys.getrefcount(cls))
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        print("init", sys.getrefcount(cls), bases and sys.getrefcount(bases), sys.getrefcount(ns))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        print("call", sys.getrefcount(cls), len(args) and sys.getrefcount(args), len(kwargs))
        obj = super().__call__(*args, **kwargs)
        print("call made", sys.getrefcount(obj))
        return obj


class Base(metaclass=Meta, flag=1):
    def __init__(self, x):
        print("Base.__init__", sys.getrefcount(self), sys.getrefcount(x))
        self.x = x


class Derived(Base):
    pass


big = 10 ** 30
b = Base(big)
print(sys.getrefcount(b), sys.getrefcount(Base), sys.getrefcount(Meta))
d = Derived(x=big)
print(sys.getrefcount(d), sys.getrefcount(Derived), sys.getrefcount(Meta))


class OnlyNew:
    def __new__(cls, value):
        print("OnlyNew.__new__", sys.getrefcount(cls), sys.getrefcount(value))
        obj = super().__new__(cls)
        print("OnlyNew made", sys.getrefcount(obj))
        return obj


class Both:
    def __new__(cls, value):
        return super().__new__(cls)

    def __init__(self, value):
        print("Both.__init__", sys.getrefcount(self), sys.getrefcount(value))


items = list(map(OnlyNew, [1000]))
print(sys.getrefcount(items[0]))
items = list(map(Both, [2000]))
print(sys.getrefcount(items[0]))
direct = Both(3000)
print(sys.getrefcount(direct))


v = 10 ** 20


class OnlyInit:
    def __init__(self, x):
        print("OnlyInit", sys.getrefcount(x))


class WithNew:
    def __new__(cls, x):
        print("WithNew.__new__", sys.getrefcount(x))
        return super().__new__(cls)

    def __init__(self, x):
        print("WithNew.__init__", sys.getrefcount(x))


class KwNew:
    def __new__(cls, x=None):
        print("KwNew.__new__", sys.getrefcount(x))
        return super().__new__(cls)


class M(metaclass=Meta):
    def __init__(self, x):
        print("M", sys.getrefcount(x))


for i in range(3):
    WithNew(v)
    KwNew(x=v)
    M(v)
print(list(map(OnlyInit, [v])) and sys.getrefcount(v))
print(list(map(WithNew, [v])) and sys.getrefcount(v))
print(list(map(M, [v])) and sys.getrefcount(v))
print(min([v], key=KwNew) and sys.getrefcount(v))
