# str.format fields with attribute and item parts, and nested specs.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm(self):
        print("norm computed")
        return (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3, 4)
d = {"name": "Ada", 0: "zero", "list": [10, 20, 30]}
print("{0.x}, {0.y}".format(p))
print("{p.x}-{p.y}".format(p=p))
print("{.norm:.2f}".format(p))
print("{d[name]} {d[0]} {d[list][2]}".format(d=d))
print("{0[1]} {0[-1]}".format({"-1": "minus one", 1: "one"}))
print("{[0]}{[1]}".format("ab", "cd"))
print("{:{w}}|{:<{w}}|".format(5, 6, w=4))
print("{0:>{1}}|{0:^{2}}|".format("ab", 6, 8))
print("{:{}{}}".format(3.14159, ".", "3f"))
print("{!r:>{}}".format("hi", 8))
print("{0!s:{1}}|".format(p.x, 5))
print("{x[a]:{x[w]}}|".format(x={"a": 7, "w": 3}))
print("{0.__class__.__name__}".format(p))
print("{0[list][0]:+d} {0[list][1]:x}".format(d))
print("{:{fill}{align}{width}}".format("c", fill="*", align="^", width=7))
print("{{}} {{{0}}} {0}}}".format(1).replace("}}", "]"))
