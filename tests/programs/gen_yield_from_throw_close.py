# throw() and close() reach the innermost generator of a yield from chain.
def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except ValueError as error:
        print("inner handles", error)
        yield "inner recovered"
        return "inner result"
    finally:
        print("inner finally")


def middle():
    try:
        result = yield from inner()
        print("middle got", result)
        yield "middle after"
    finally:
        print("middle finally")


def outer():
    value = yield from middle()
    yield "outer end"


g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(next(g))
print(next(g))
print(next(g, "exhausted"))
print("--- close in the middle of the chain")
g = outer()
print(next(g))
g.close()
print("--- an error the inner one does not handle")
g = outer()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as error:
    print("KeyError reached the caller:", error)
print("--- delegation dropped with the last reference")
g = outer()
next(g)
del g
print("end")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses"


def wrapper():
    try:
        yield from stubborn()
    except RuntimeError as error:
        print("wrapper sees", repr(error))
        raise


w = wrapper()
next(w)
try:
    w.close()
except RuntimeError as error:
    print("close raised", error)
