# list.pop, dict.get/setdefault/pop and len on the quick call path: results,
# errors, refcounts and id reuse must be CPython's.
import sys

stack = []
table = {}
for i in range(300, 320):
    stack.append(i)
    if len(stack) > 3:
        table.setdefault(stack.pop(0), i)
print(stack, table)
print(len(stack), len(table))

# pop with an index, negative, out of range, from empty, with a bool
items = [1000 + n for n in range(5)]
print(items.pop(), items.pop(0), items.pop(-2), items)
try:
    items.pop(7)
except IndexError as error:
    print("IndexError:", error)
print(items.pop(True), items)
empty = []
try:
    empty.pop()
except IndexError as error:
    print("IndexError:", error)
try:
    empty.pop(0)
except IndexError as error:
    print("IndexError:", error)

# the popped object is the only reference left: freed, its id reused
big = [10**6 + 1, 10**6 + 2]
first = id(big[0])
x = big.pop(0)
print(sys.getrefcount(x))
del x
y = 10**6 + 7
print(id(y) == first)

# dict.get / setdefault / pop with int and str keys
d = {"a": 1, 2: "two"}
print(d.get("a"), d.get(2), d.get("z"), d.get("z", 5), d.get(3, None))
print(d.setdefault("a", 9), d.setdefault("b", [7]), d.setdefault(4), d)
print(d.pop("b"), d.pop(4, "gone"), d.pop("q", "default"), d)
try:
    d.pop("missing")
except KeyError as error:
    print("KeyError:", error)
value = [1, 2, 3]
d["v"] = value
print(sys.getrefcount(value))
got = d.pop("v")
print(sys.getrefcount(value), got is value)
del got
print(sys.getrefcount(value))

# a key that equals an int key, a float key, a tuple key (other paths)
e = {1: "one"}
print(e.get(1.0), e.get(True), e.setdefault((1, 2), "t"), e.pop(1.0), e)

# arity and type errors come from the general path's messages
try:
    [].pop(1, 2)
except TypeError as error:
    print("TypeError:", error)
try:
    {}.get()
except TypeError as error:
    print("TypeError:", error)
try:
    [1].pop("0")
except TypeError as error:
    print("TypeError:", error)
try:
    [].pop(0.5)
except TypeError as error:
    print("TypeError:", error)
try:
    {}.setdefault([], 1)
except TypeError as error:
    print("TypeError:", error)
print(len([1, 2]), len({}), len("abc"), len((1,)))

# unbound descriptors, a list subclass
print(list.pop([5, 6]), dict.get({1: 2}, 1))


class Stack(list):
    def pop(self, index=-1):
        return ("mine", list.pop(self, index))


s = Stack([1, 2, 3])
print(s.pop(0), s.pop(), s)
print({1: 2}.get(1), [4].pop(0))

# d[k] = v with int and str keys: replaced values are freed (their ids
# reused), keys stay the first ones stored
counts = {}
for n in range(50):
    key = n % 7
    counts[key] = counts.get(key, 0) + 1
print(counts)
names = {}
old = [1]
names["a"] = old
print(sys.getrefcount(old))
names["a"] = 10**7 + 3
print(sys.getrefcount(old))
k1 = 10**8 + 1
k2 = 10**8 + 1
slot = {}
slot[k1] = "first"
slot[k2] = "second"
print([id(k) == id(k1) for k in slot], slot)


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        print("eq called")
        return other == self.n


mixed = {Key(3): "custom"}
mixed[3] = "int"
print(len(mixed))


class D(dict):
    pass


sub = D()
sub[1] = "x"
sub["s"] = "y"
print(sub, type(sub).__name__)
