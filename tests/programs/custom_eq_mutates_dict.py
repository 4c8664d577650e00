# an __eq__ that mutates the dict it is compared in: CPython restarts the lookup
class Sneaky:
    def __init__(self, n, target=None):
        self.n = n
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        other_n = other.n if isinstance(other, Sneaky) else other
        print("eq", self.n, other_n)
        if self.target is not None and len(self.target) < 12:
            print("  growing the dict")
            for i in range(10, 20):
                self.target[i] = i
        return self.n == other_n

d = {}
first = Sneaky(1, d)
d[first] = "one"
d[Sneaky(2)] = "two"
print(len(d))
print(d.get(Sneaky(2)))
print(d.get(1), 1 in d, 15 in d)
print(sorted(k if isinstance(k, int) else -k.n for k in d))
s = {Sneaky(3)}
print(Sneaky(3) in s)
