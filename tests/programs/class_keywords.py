class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **options):
        print("init_subclass", cls.__name__, name, sorted(options.items()))
        super().__init_subclass__()
        Plugin.registry[name or cls.__name__] = cls

class Csv(Plugin, name='csv', sep=','):
    pass

class Json(Plugin):
    pass

class Yaml(Csv, name='yaml'):
    pass

print(sorted(Plugin.registry))

class Plain:
    pass

try:
    class Bad(Plain, flag=True):
        pass
except TypeError as e:
    print("TypeError:", e)

class Strict:
    def __init_subclass__(cls):
        print("strict", cls.__name__)

try:
    class Child(Strict, extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class Forwarding:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)

try:
    class Leaf(Forwarding, level=2):
        pass
except TypeError as e:
    print("TypeError:", e)
