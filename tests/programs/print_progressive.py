# print writes each argument as soon as its str() is known, as CPython's
# builtin_print does: output from __str__/__repr__ comes between them, and
# an exception in one leaves the earlier ones printed.
class Loud:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        print("[str of", self.name + "]")
        return self.name

    def __repr__(self):
        print("[repr of", self.name + "]")
        return "Loud(" + repr(self.name) + ")"


class Broken:
    def __str__(self):
        raise ValueError("no str for you")


class Truth:
    def __bool__(self):
        print("Truth.__bool__")
        return True


print(Loud("a"), Loud("b"), sep=", ", end=".\n")
print(Loud("x"), [Loud("in a list")], flush=True)
try:
    print("before", Loud("c"), Broken(), "after")
except ValueError as e:
    print()
    print("ValueError:", e)
print("flush with __bool__", flush=Truth())
print("no flush", flush=0)
print("sep none", "end none", sep=None, end=None)
print()
for bad in [{"sep": 1}, {"end": b"x"}, {"bogus": 1}, {"flush": 1, "sep": 2}]:
    try:
        print("x", **bad)
    except TypeError as e:
        print("TypeError:", e)
print(*[Loud(str(i)) for i in range(3)])
