# __eq__ without __hash__ makes a class unhashable; __hash__ = None too
class OnlyEq:
    def __eq__(self, other):
        return True

class NoHash:
    __hash__ = None

class OnlyHash:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        print("hash of", self.n)
        return 7

print(OnlyEq.__hash__, NoHash.__hash__)
for make in (OnlyEq, NoHash):
    try:
        {make(): 1}
    except TypeError as e:
        print("TypeError:", e)
    try:
        {make()}
    except TypeError as e:
        print("TypeError:", e)
    try:
        hash(make())
    except TypeError as e:
        print("TypeError:", e)
    d = {}
    try:
        d[make()] = 2
    except TypeError as e:
        print("TypeError:", e)
x, y = OnlyHash(1), OnlyHash(2)
d = {x: "x", y: "y"}
print(len(d), d[x], d[y], OnlyHash(3) in d)
s = {x, y, x}
print(len(s))
