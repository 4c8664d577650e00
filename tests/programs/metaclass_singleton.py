import sys


class Singleton(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls._instance = None

    def __call__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating", cls.__name__, args, kwargs)
            cls._instance = super().__call__(*args, **kwargs)
        return cls._instance


class Config(metaclass=Singleton):
    def __init__(self, path, debug=False):
        print("init", path, debug)
        self.path = path
        self.debug = debug


a = Config("a.ini", debug=True)
b = Config("b.ini")
print(a is b, a.path, b.debug)
print(sys.getrefcount(a))
print(type(a).__name__, type(Config).__name__)


class Logger(Config):
    pass


c = Logger("log.ini")
print(c is a, c.path, Logger._instance is c, Config._instance is a)
print(sys.getrefcount(Singleton))
