import sys


class MetaMeta(type):
    def __call__(mcs, *args, **kwargs):
        print("MetaMeta.__call__", mcs.__name__, args[0])
        return super().__call__(*args, **kwargs)


class Meta(type, metaclass=MetaMeta):
    label = "meta attribute"

    def shout(cls):
        return cls.__name__.upper() + "!"

    @property
    def kind(cls):
        return "kind from meta"

    def __call__(cls, *args):
        obj = cls.__new__(cls)
        if args and args[0] == "skip":
            return "no instance at all"
        if args:
            obj.__init__(args[0])
        else:
            obj.__init__()
        print("refcount inside __call__", sys.getrefcount(obj))
        return obj


class Thing(metaclass=Meta):
    label = "class attribute"
    kind = "class kind"

    def __init__(self, n=0):
        self.n = n
        print("refcount inside __init__", sys.getrefcount(self))

    def shout(self):
        return "instance shout"


print(type(Meta).__name__, type(Thing).__name__)
print(Thing.label, Thing.kind, Thing.shout(Thing()), Meta.shout(Thing))
t = Thing(5)
print(t.n, Thing("skip"))
print(hasattr(t, "label"), getattr(Thing, "label"), Meta.label)
print(hasattr(t, "kind"), t.kind)


class Weird(type):
    def __new__(mcs, name, bases, ns):
        if name == "Other":
            return 42
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, *args):
        print("Weird.__init__ runs for", cls.__name__)


class Normal(metaclass=Weird):
    pass


class Other(metaclass=Weird):
    pass


print(Other, type(Normal).__name__)

Dynamic = Meta("Dynamic", (Thing,), {"extra": 1})
print(type(Dynamic).__name__, Dynamic.extra, Meta.shout(Dynamic), Dynamic(3).n)


class Counter(type):
    count = 0

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        type(cls).count += 1
        cls.number = type(cls).count


class First(metaclass=Counter):
    pass


class Second(First):
    pass


Third = type("Third", (Second,), {})
print(First.number, Second.number, Third.number, Counter.count, type(Third).__name__)
print(sys.getrefcount(Counter), sys.getrefcount(Meta), sys.getrefcount(MetaMeta))
