class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        print("index", self.n)
        return self.n

items = ['a', 'b', 'c', 'd']
print(items[Idx(1)])
print(items[Idx(-1)])
print((10, 20, 30)[Idx(2)])
print("hello"[Idx(0)])
print(list(range(Idx(3))))
print(list(range(Idx(1), Idx(7), Idx(2))))
print(range(10)[Idx(4)])
print(hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
items[Idx(0)] = 'z'
del items[Idx(1)]
print(items)
print(chr(Idx(65)))
print(int(Idx(7)), float(Idx(2)))
print({Idx(1): 'key'} != {1: 'key'})

class Bad:
    def __index__(self):
        return 'no'

try:
    items[Bad()]
except TypeError as e:
    print("TypeError:", e)
try:
    range(Bad())
except TypeError as e:
    print("TypeError:", e)

class NoIndex:
    pass

try:
    items[NoIndex()]
except TypeError as e:
    print("TypeError:", e)
try:
    list(range(NoIndex()))
except TypeError as e:
    print("TypeError:", e)
