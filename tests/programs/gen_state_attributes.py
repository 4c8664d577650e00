# gi_running, gi_suspended and gi_yieldfrom through a generator's life.
def inner():
    yield 1
    yield 2


def outer():
    yield from inner()
    yield "plain"


o = outer()
print(o.gi_running, o.gi_suspended, o.gi_yieldfrom)
next(o)
print(o.gi_running, o.gi_suspended, type(o.gi_yieldfrom).__name__)
next(o)
next(o)
print(o.gi_suspended, o.gi_yieldfrom)


def me():
    yield g.gi_running, g.gi_suspended


g = me()
print(next(g))
print(list(o), o.gi_suspended, o.gi_running)
