class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self):
        print("init")

a = Singleton()
b = Singleton()
print(a is b)

class Point:
    def __new__(cls, x, y):
        print("new", cls.__name__, x, y)
        self = object.__new__(cls)
        self.created = True
        return self

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y, p.created)

class Sub(Point):
    pass

s = Sub(3, 4)
print(type(s).__name__, s.x)
