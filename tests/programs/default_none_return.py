# A function without return, or with a bare return, returns None.
def no_return():
    x = 1


def bare_return():
    return


def maybe(n):
    if n > 0:
        return n


print(no_return())
print(bare_return())
print(maybe(5))
print(maybe(-5))
print(no_return() is None)
