class Registry:
    plugins = []

    def __init_subclass__(cls):
        print("registering", cls.__name__)
        Registry.plugins.append(cls.__name__)
        super().__init_subclass__()

class A(Registry):
    pass

class B(A):
    def method(self):
        return 1

print(Registry.plugins)

class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        return self.name

class Model(Registry):
    first = Named()
    second = Named()

print(Model.first, Model().second)
print(Registry.plugins)

class Failing:
    def __set_name__(self, owner, name):
        raise RuntimeError("no " + name)

try:
    class Broken:
        attr = Failing()
except RuntimeError as e:
    print("RuntimeError:", e)
