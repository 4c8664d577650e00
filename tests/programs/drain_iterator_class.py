# instances with Python __iter__/__next__ (and a generator-function __iter__)
# consumed by every kind of builtin
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        for item in self.items:
            yield item

print(list(Countdown(3)), tuple(Countdown(2)), set(Countdown(4)))
print(sorted(Countdown(5)), sum(Countdown(4)), min(Countdown(3)), max(Bag(4, 9, 2)))
print("".join(Bag("a", "b", "c")), dict(Bag(("x", 1), ("y", 2))))
print(list(enumerate(Countdown(3))), list(zip(Countdown(3), Bag("p", "q"))))
print(list(map(lambda v: v * 2, Countdown(3))), list(filter(lambda v: v % 2, Bag(1, 2, 3))))
print(frozenset(Bag(1, 1, 2)), any(Countdown(0)), all(Bag(1, 2)), 2 in Countdown(5))
a, b, c = Countdown(3)
print(a, b, c)
first, *rest = Bag(1, 2, 3, 4)
print(first, rest)
print(*Countdown(3), sep=",")
out = [0]
out.extend(Countdown(2))
out += Bag(7, 8)
print(out, [*Countdown(2), *Bag(5)])
print(list(iter(Countdown(2))), list(reversed(list(Bag(1, 2)))))
