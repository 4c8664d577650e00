class Upper(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        print("Upper.__new__", mcs.__name__, name, bases, sorted(kwargs))
        renamed = {}
        for key, value in ns.items():
            if key.startswith("__"):
                renamed[key] = value
            else:
                renamed[key.upper()] = value
        cls = super().__new__(mcs, name, bases, renamed)
        cls.created_by = mcs.__name__
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        print("Upper.__init__", name, sorted(ns), kwargs)
        super().__init__(name, bases, ns)


class Point(metaclass=Upper, flavour="plain"):
    x = 1
    y = 2

    def norm(self):
        return self.X + self.Y


p = Point()
print(Point.X, Point.Y, p.NORM(), Point.created_by)
print(hasattr(Point, "x"), sorted(k for k in Point.__dict__ if not k.startswith("__")))


class Point3(Point):
    z = 3


print(Point3.Z, Point3.X, type(Point3).__name__)
print(isinstance(Point3, Upper), issubclass(Point3, Point))
