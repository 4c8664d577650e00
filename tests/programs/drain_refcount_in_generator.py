# sys.getrefcount inside generators and __next__ while builtins consume them
import sys

class Token:
    pass

def tokens(n, seen):
    for i in range(n):
        t = Token()
        seen.append(sys.getrefcount(t))
        yield t
        seen.append(sys.getrefcount(t))

seen = []
s = set(tokens(3, seen))
print(seen, len(s))
seen = []
lst = list(tokens(2, seen))
print(seen, [sys.getrefcount(x) for x in lst])
seen = []
print(any(False for t in tokens(2, seen)), seen)

def counted():
    g_self = yield 1
    yield sys.getrefcount(gen_ref)

gen_ref = counted()
print(list(gen_ref))

class Iter:
    def __init__(self):
        self.obj = Token()
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        print("refs of self", sys.getrefcount(self), "of obj", sys.getrefcount(self.obj))
        return self.obj

it = Iter()
print(len(set(it)))
print(sum(1 for _ in map(lambda t: sys.getrefcount(t), tokens(1, []))))
