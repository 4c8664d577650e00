# unpacking, f(*it), [*it] and list += it with Python-level iterators
def gen(n):
    for i in range(n):
        print("gen", i)
        yield i

def show(*args):
    print("args", args)

a, b = map(lambda x: x + 1, gen(2))
print(a, b)
show(*map(str, gen(3)))
show(*filter(lambda v: v, gen(3)), *gen(1))
print([*map(lambda v: v * 2, gen(2)), 99])
x = [1]
x += map(lambda v: -v, gen(2))
x.extend(filter(None, gen(3)))
print(x)
try:
    p, q = map(lambda v: v, gen(5))
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = map(lambda v: v, gen(2))
except ValueError as e:
    print("ValueError:", e)
h, *t = map(lambda v: v * 3, gen(3))
print(h, t)
print(tuple(map(lambda v: v, gen(2))), list(zip(*map(lambda v: (v, -v), gen(2)))))
