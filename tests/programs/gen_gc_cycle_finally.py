# Tricky: gc.collect() frees a cycle holding a suspended generator; the
# generator is closed first, so its finally runs before collect() returns.
import gc

gc.collect()  # the interpreter's own start-up garbage first


def resource(name):
    try:
        yield name
    finally:
        print("finally of", name)


g = resource("in a cycle")
next(g)
box = [g]
box.append(box)
del g, box
print("collected", gc.collect())
print("after collect")
