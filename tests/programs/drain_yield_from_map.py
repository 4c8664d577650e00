# yield from a map, a filter and an iterator instance
class Pair:
    def __init__(self):
        self.left = 2
    def __iter__(self):
        return self
    def __next__(self):
        if self.left == 0:
            raise StopIteration
        self.left -= 1
        return "pair%d" % self.left

def outer():
    result = yield from map(lambda x: x * 10, range(3))
    print("map result", result)
    yield from filter(lambda s: "a" in s, ["a", "b", "ca"])
    yield from Pair()
    yield "end"

print(list(outer()))
for v in outer():
    print(v)
g = outer()
print(next(g), next(g), list(g))
