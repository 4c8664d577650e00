# sum(iterable, /, start=0): start by keyword, Argument Clinic's messages.
for f in [lambda: sum(), lambda: sum([1], 2, 3), lambda: sum([1], 2, start=3), lambda: sum([1], x=3), lambda: sum(start=3), lambda: sum([1], start=3, x=1), lambda: sum(iterable=[1])]:
    try:
        print(f())
    except TypeError as e:
        print(e)
print(sum([1.5], start=1), sum(range(3), start=10), sum([[1]], start=[]))
print(sum((x * 0.5 for x in range(4)), start=10), sum(map(lambda v: [v], range(3)), start=[9]))
class Acc:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Acc(self.v + o)
    def __repr__(self): return f"Acc({self.v})"
print(sum([1, 2, 3], start=Acc(0)))
try:
    sum(["a", "b"], start="")
except TypeError as e:
    print(e)
