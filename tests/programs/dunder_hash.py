# __hash__ with hash(), classes with __eq__ and no __hash__ are unhashable.
class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)


class OnlyEq:
    def __eq__(self, other):
        return True


print(hash(Key(5)) == hash(5), hash(Key(-1)))
print(OnlyEq.__hash__ is None)
try:
    hash(OnlyEq())
except TypeError as e:
    print(e)
print(hash(7), hash(-1), hash(True), hash((1, 2)) == hash((1, 2)))
print(hash(1.0), hash(0.0), hash(-0.0), hash(None) == hash(None), hash((1,)) == hash((1.0,)))
