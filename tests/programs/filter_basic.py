# filter with a function, with None and with bool
def odd(n):
    print("check", n)
    return n % 2

f = filter(odd, range(6))
print(type(f).__name__, repr(f).startswith("<filter object at 0x"))
for x in f:
    print("kept", x)
print(list(f))
print(list(filter(None, [0, 1, "", "a", [], [0], None, 2.5])))
print(list(filter(bool, (0, 3, 0, 4))))
print(tuple(filter(lambda s: s.startswith("b"), ["bat", "cat", "bee"])))
print(sum(filter(lambda x: x > 10, [5, 15, 25])))
print(next(filter(lambda x: x > 100, range(5)), "none"))
evens = filter(lambda x: x % 2 == 0, range(10))
print(next(evens), next(evens))
print(list(evens))
try:
    filter(None)
except TypeError as e:
    print("TypeError:", e)
try:
    filter(None, 3)
except TypeError as e:
    print("TypeError:", e)

class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool of", self.v)
        return self.v > 1

print([t.v for t in filter(None, [Truthy(1), Truthy(2), Truthy(3)])])
print([t.v for t in filter(lambda t: t, [Truthy(5), Truthy(0)])])
