# min and max with key= and default=, over lists, generators, maps and
# iterator instances; the key function runs as a frame per item
def gen(values):
    for v in values:
        print("gen yields", v)
        yield v

print(max(["a", "ccc", "bb"], key=len), min(gen("hello"), key=lambda c: -ord(c)))
print(max(3, 9, 4, key=lambda v: -v), min(map(abs, [-3, 2, -1]), default=0))
print(max((), default=None), min(gen([]), default="empty"))
print(max(range(5), key=lambda v: v % 3), min([4, 2, 2.0, 3], key=None))
print(max(gen([(1, "b"), (1, "a"), (0, "z")]), key=lambda p: p[0]))
try:
    max(1, 2, default=3)
except TypeError as e:
    print("TypeError:", e)
try:
    min(gen([]))
except ValueError as e:
    print("ValueError:", e)
try:
    max(gen([1, "x", 2]))
except TypeError as e:
    print("TypeError:", e)
def bad_key(v):
    if v == 2:
        raise KeyError(v)
    return v
g = gen([1, 2, 3])
try:
    min(g, key=bad_key)
except KeyError as e:
    print("KeyError:", e)
print(next(g))
