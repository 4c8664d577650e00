# len of strings and tuples, and type of every kind of value.
print(len("hello"))
print(len(""))
print(len(("a", "b", "c")))
print(len(()))
print(type(1))
print(type(2 ** 100))
print(type(True))
print(type(None))
print(type("s"))
print(type((1, 2)))
print(type(range(3)))
print(type(print))
print(type(type(1)))
print(type(len("abc")))


def f():
    pass


print(type(f))
print(type(1) == type(2), type(1) == type(True))
