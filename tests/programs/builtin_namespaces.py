# locals(), vars() and dir(): snapshots of a function's names, an object's
# own __dict__ (the real one: writes through vars() show).
def show(a, b=2):
    c = a + b
    print(sorted(locals().items()))
    print(dir())
    snapshot = locals()
    c = 10
    print(snapshot["c"], c)
    return c


show(1)


class Thing:
    kind = "thing"

    def __init__(self):
        self.p = 1
        self.q = 2

    def describe(self):
        return vars(self)


t = Thing()
print(vars(t))
vars(t)["r"] = 3
print(t.r, t.describe() is vars(t))
print([name for name in dir(t) if name[0] != "_"])
print(issubclass(Thing, object), issubclass(bool, int), issubclass(int, (str, object)))
print(issubclass(KeyError, LookupError), issubclass(Thing, (int, str)))
try:
    issubclass(t, Thing)
except TypeError as error:
    print("TypeError:", error)
