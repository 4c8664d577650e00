import sys
class P:
    def __init__(self, x):
        print("init", x)
        self.x = x
    def __repr__(self): return f"P({self.x})"
ps = list(map(P, [1, 2, 3]))
print(ps, sys.getrefcount(ps[0]))
print(sorted([3, 1, 2], key=lambda v: -v))
it = map(P, "ab")
print(next(it), next(it), next(it, "end"))
class Bad:
    def __init__(self, x): return 5
try:
    list(map(Bad, [1]))
except TypeError as e:
    print("TypeError:", e)
class Boom:
    def __init__(self, x):
        if x == 2: raise ValueError(x)
        self.x = x
try:
    print(list(map(Boom, [1, 2, 3])))
except ValueError as e:
    print("ValueError:", e)
for p in map(P, (7,)):
    print(p)
print(max(map(P, [5, 9]), key=lambda p: p.x))
print(dict(zip("ab", map(P, [1, 2]))))
