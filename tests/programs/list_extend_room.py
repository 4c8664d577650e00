# The room list() and extend() make: list_resize for dicts, sets and their
# views, the length hint (exact) for sized iterables and iterators, 8 else.
import sys
def slots(l):
    return (sys.getsizeof(l) - sys.getsizeof([])) // (sys.getsizeof([0]*2) - sys.getsizeof([0]))
d = {i: i for i in range(5)}
s = set(range(5))
print('dict', [slots(list({i: i for i in range(n)})) for n in range(12)])
print('set', [slots(list(set(range(n)))) for n in range(12)])
print('items', [slots(list({i: i for i in range(n)}.items())) for n in range(12)])
print('values', [slots(list({i: i for i in range(n)}.values())) for n in range(12)])
print('str', [slots(list('x' * n)) for n in range(12)])
print('iterlist', [slots(list(iter([0] * n))) for n in range(12)])
print('map', [slots(list(map(abs, range(n)))) for n in range(12)])
print('gen', [slots(list(i for i in range(n))) for n in range(12)])
print('zip', [slots(list(zip(range(n), range(n)))) for n in range(12)])
print('enum', [slots(list(enumerate(range(n)))) for n in range(12)])
print('revlist', [slots(list(reversed([0] * n))) for n in range(12)])
print('revdict', [slots(list(reversed({i: i for i in range(n)}))) for n in range(12)])
print('range', [slots(list(range(n))) for n in range(12)])
print('tuple', [slots(list(tuple(range(n)))) for n in range(12)])
print('extend dict', [slots([1, 2] + list({i: i for i in range(n)})) for n in range(12)])
x = []
x.extend({1: 2, 3: 4, 5: 6})
print('ext', slots(x))
x = [1]
x.extend(set(range(10)))
print('ext2', slots(x))
print('sorted', [slots(sorted(set(range(n)))) for n in range(12)])
print('sorted gen', [slots(sorted(i for i in range(n))) for n in range(12)])

# Iterables whose items come from Python code.
print('map py', [slots(list(map(lambda x: x, range(n)))) for n in range(12)])
print('filter py', [slots(list(filter(lambda x: True, range(n)))) for n in range(12)])
print('gen', [slots(list(i for i in range(n))) for n in range(12)])
def g(n):
    yield from range(n)
print('genf', [slots(list(g(n))) for n in range(12)])
print('ext gen', [slots([0] + [*g(n)]) for n in range(12)])
x = [1, 2, 3]
x.extend(i for i in range(5))
print('ext', slots(x))
print('sorted gen', [slots(sorted(g(n))) for n in range(12)])
print('enum gen', [slots(list(enumerate(g(n)))) for n in range(12)])
print('zip gen', [slots(list(zip(g(n), g(n)))) for n in range(12)])
print('comp', [slots([i for i in range(n)]) for n in range(12)])
