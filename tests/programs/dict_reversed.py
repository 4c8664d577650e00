# reversed() of dicts and their views: dict_reversekeyiterator,
# dict_reversevalueiterator, dict_reverseitemiterator.
import sys

d = {'a': 1, 'b': 2, 'c': 3, 'd': 4}
r = reversed(d)
print(type(r), type(reversed(d.keys())), type(reversed(d.values())), type(reversed(d.items())))
print(repr(r).split()[0], repr(reversed(d.items())).split()[0])
print(iter(r) is r, r.__length_hint__())
print(next(r), r.__length_hint__())
print(list(r), r.__length_hint__())
print(list(r), next(r, 'done'))

# Everywhere an iterator goes.
for key in reversed(d):
    print(key, end=' ')
print()
print(list(reversed(d.values())), tuple(reversed(d.items())))
a, b, *rest = reversed(d.items())
print(a, b, rest)
print('b' in reversed(d), 'z' in reversed(d), 3 in reversed(d.values()))
print(sorted(reversed(d)), min(reversed(d.values())), max(reversed(d)), sum(reversed(d.values())))
print(list(enumerate(reversed(d))), list(zip(reversed(d), d)))
print(list(map(str.upper, reversed(d))), ''.join(reversed(d)))
print(dict(reversed(d.items())), sorted(set(reversed(d.values()))))
print(any(reversed(d.values())), all(reversed({})))
xs = [0]
xs.extend(reversed(d))
print(xs, [*reversed(d.values()), 9])
print(d.__reversed__().__length_hint__(), list(d.keys().__reversed__()))
print(list(dict.__reversed__(d)), list(type(d.items()).__reversed__(d.items())))

# Deleted entries are skipped; the iterator holds its dict until exhausted.
e = {n: n * n for n in range(8)}
del e[7]
del e[3]
print(list(reversed(e)), list(reversed(e.items()))[:2])
before = sys.getrefcount(e)
it = reversed(e.values())
print(sys.getrefcount(e) - before)
print(list(it), sys.getrefcount(e) - before)

# Empty dicts.
print(list(reversed({})), reversed({}).__length_hint__(), next(reversed({}.items()), None))

# A change of size raises, and keeps raising.
f = {'x': 1, 'y': 2, 'z': 3}
it = reversed(f)
print(next(it))
f['w'] = 4
try:
    next(it)
except RuntimeError as exc:
    print('RuntimeError:', exc)
print(it.__length_hint__())
try:
    next(it)
except RuntimeError as exc:
    print('RuntimeError:', exc)
it = reversed(f.items())
f.pop('x')
try:
    print(list(it))
except RuntimeError as exc:
    print('RuntimeError:', exc)
# Replacing values keeps the size: no error.
it = reversed(f.items())
print(next(it))
f['y'] = 20
print(list(it))

# Dict subclasses too.
class Registry(dict):
    pass

reg = Registry(one=1, two=2)
print(list(reversed(reg)), list(reversed(reg.items())))

# Not reversible.
for bad in ({1, 2}, frozenset(), 5, None, iter([])):
    try:
        reversed(bad)
    except TypeError as exc:
        print('TypeError:', exc)
print(sys.getsizeof(reversed(d)) == sys.getsizeof(iter(d)))
print(dir(reversed(d.values())) == dir(iter(d)))
next(reversed({'only': 0}.values()), None)
it = reversed({})
print(next(it))
