# Tricky corners: a generator closing or resuming itself, deep yield from,
# throw into a fresh generator, a finally that raises during close().
def closes_itself():
    me.close()
    yield 1


me = closes_itself()
try:
    next(me)
except ValueError as error:
    print("ValueError:", error)


def deep(n):
    if n == 0:
        yield "bottom"
        return
    yield from deep(n - 1)


print(list(deep(50)))


def fresh():
    print("never runs")
    yield 1


f = fresh()
try:
    f.throw(ValueError("early"))
except ValueError as error:
    print("thrown into a fresh generator:", error)
print(next(f, "finished without running"))
try:
    fresh().throw(5)
except TypeError as error:
    print("TypeError:", error)


def raising_finally():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


r = raising_finally()
next(r)
try:
    r.close()
except KeyError as error:
    print("close raised", repr(error), "context:", repr(error.__context__))


def returns_early():
    return "early value"
    yield


try:
    next(returns_early())
except StopIteration as stop:
    print("value:", stop.value)
gen = (i for i in range(3))
print(gen.send(None), gen.send("ignored"), next(gen), next(gen, "end"))
