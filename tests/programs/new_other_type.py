class Other:
    def __init__(self):
        print("Other init")

class Factory:
    def __new__(cls, kind):
        if kind == 'int':
            return 42
        if kind == 'other':
            return Other()
        return super().__new__(cls)

    def __init__(self, kind):
        print("Factory init", kind)

print(Factory('int'))
o = Factory('other')
print(type(o).__name__)
f = Factory('self')
print(type(f).__name__)

class NoInit:
    def __new__(cls, *args):
        print("args", args)
        return super().__new__(cls)

n = NoInit(1, 2, 3)
print(type(n).__name__)

try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)

class Strict:
    def __new__(cls, value):
        return object.__new__(cls, value)

try:
    Strict(1)
except TypeError as e:
    print("TypeError:", e)

class NoneNew:
    def __new__(cls):
        return None

    def __init__(self):
        print("never")

print(NoneNew())
