# sum, min and max of generators, maps and iterator instances
def gen(values):
    for v in values:
        yield v

print(sum(gen([1, 2, 3])), sum(gen([])), sum(gen([1, 2]), 10))
print(sum(gen([0.1] * 10)), sum(gen([1, 2.5, 3])), sum(gen([2 ** 62, 2 ** 62, 5])))
print(sum(gen([[1], [2, 3]]), []), sum(gen([(1,), (2,)]), ()))
print(sum(map(lambda x: x / 2, range(5))), sum(gen([True, True, 3])))
print(sum(gen([1, 2, 1.5, 7, 2 ** 70])))
print(min(gen([5, 3, 8])), max(gen(["pear", "apple", "zoo"])))
print(max(map(len, gen(["a", "abc", "ab"]))), min(gen([2, 1, 1.0, 3])))
print(max(x * -1 for x in range(4)), min(c for c in "hello"))
try:
    max(gen([]))
except ValueError as e:
    print("ValueError:", e)
try:
    sum(gen(["a", "b"]))
except TypeError as e:
    print("TypeError:", e)
try:
    sum(gen([1, 2]), "s")
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        print("add", other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)
    def __radd__(self, other):
        print("radd", other)
        return Money(self.cents + other)
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"Money({self.cents})"
print(sum(Money(c) for c in [5, 10, 20]))
print(min(Money(c) for c in [5, 1, 20]), max(map(lambda c: Money(c), [3, 9, 4])))
