import sys


def make():
    data = ["captured"]

    def use():
        return data

    print(sys.getrefcount(data))
    return use


f = make()
print(sys.getrefcount(f()))
g = make()
print(f() is g(), f() == g())
