# Yield inside try/except/finally, exceptions from the consumer side.
def guarded():
    try:
        yield "first"
        yield "second"
    except ZeroDivisionError:
        print("handled inside")
        yield "after handling"
    finally:
        print("finally")
    yield "last"


print(list(guarded()))
g = guarded()
print(next(g))
print(g.throw(ZeroDivisionError))
print(next(g))
print(next(g, "exhausted"))


def context_in_generator():
    try:
        raise KeyError("k")
    except KeyError:
        yield "inside except"
        raise ValueError("while handling")


c = context_in_generator()
print(next(c))
try:
    next(c)
except ValueError as error:
    print(repr(error), "context:", repr(error.__context__))
