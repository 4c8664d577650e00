# Tricky: an exception raised inside __eq__ during `in` and list.index propagates.
class Touchy:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if isinstance(other, int) and other == 3:
            raise RuntimeError("never compare me with 3")
        return isinstance(other, Touchy) and self.v == other.v


items = [Touchy(1), Touchy(2)]
print(Touchy(2) in items, 5 in [Touchy(0)])
try:
    print(3 in items)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    items.index(3)
except RuntimeError as e:
    print("RuntimeError:", e)
print(items.count(Touchy(1)), items.index(Touchy(2)))
