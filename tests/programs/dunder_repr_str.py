# __repr__ and __str__: print, str(), repr(), f-strings, containers use repr.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


class Named(Point):
    def __str__(self):
        return "named point at " + str(self.x)


p = Point(1, "a")
n = Named(2, 3)
print(p)
print(n)
print(str(p), repr(n))
print(f"{p} and {n} and {n!r}")
print([p, n], (p,), {"k": n})
print(str([n]))
