class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print("prepare", mcs.__name__, name, bases, kwargs)
        ns = {"prepared_by": mcs.__name__}
        return ns

    def __new__(mcs, name, bases, ns, **kwargs):
        print("new", name, list(ns))
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.fields = [k for k in ns if not k.startswith("__")]


class Record(metaclass=Ordered, table="records"):
    b = 2
    a = 1

    def show(self):
        return "show"


print(Record.fields)
print(Record.prepared_by, Record().show())


class NotMapping(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 42


try:
    class Broken(metaclass=NotMapping):
        pass
except TypeError as e:
    print("TypeError:", e)


def plain_function_metaclass(name, bases, ns):
    print("function metaclass", name, bases, sorted(k for k in ns if not k.startswith("__")))
    return len(ns)


class NotAClass(metaclass=plain_function_metaclass):
    q = 1


print(NotAClass)
