# del of every kind of target.
import sys

x = [1, 2, 3]
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
try:
    print(y)
except NameError as error:
    print("NameError:", error)

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as error:
    print("KeyError:", error)
del x[0]
print(x)
del x[-1]
print(x)
try:
    del x[5]
except IndexError as error:
    print("IndexError:", error)


class Box:
    pass


b = Box()
b.value = 10
b.other = 20
del b.value
print("other" in b.__dict__, b.__dict__)
try:
    del b.value
except AttributeError as error:
    print("AttributeError:", error)


def local_delete():
    item = "temp"
    del item
    try:
        return item
    except UnboundLocalError as error:
        return "UnboundLocalError: " + str(error)


print(local_delete())
counter = 5


def delete_global():
    global counter
    del counter


delete_global()
print("deleted global")
try:
    counter
except NameError as error:
    print("NameError:", error)
a, b2 = 1, 2
del a, b2
t = (1, [2, 3])
del t[1][0]
print(t)
