# yield from delegates to a sub-generator and receives its return value.
def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("inner got", got)
    return n * 100


def outer():
    result = yield from inner(2)
    print("inner returned", result)
    result = yield from inner(1)
    print("inner returned", result)
    yield from [7, 8]
    yield from "ab"
    return "outer done"


print(list(outer()))
o = outer()
print(next(o))
print(o.send("hello"))
print(next(o))
print(next(o), next(o), next(o), next(o))
try:
    next(o)
except StopIteration as stop:
    print("outer returned", stop.value)
