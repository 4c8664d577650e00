class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        print("Meta.__new__", name, kwargs)
        return super().__new__(mcs, name, bases, ns, **kwargs)

    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", name, kwargs)
        super().__init__(name, bases, ns)


class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Plugin(metaclass=Meta):
    registry = []

    def __init_subclass__(cls, kind="plain", **kwargs):
        print("init_subclass", cls.__name__, kind, type(cls).__name__)
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Plugin.registry.append(cls.__name__)


class Audio(Plugin, kind="audio"):
    volume = Field()


class Video(Plugin):
    pass


print(Plugin.registry, Audio.kind, Video.kind, Audio.volume.name)
try:
    class Wrong(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
print(Plugin.registry)
