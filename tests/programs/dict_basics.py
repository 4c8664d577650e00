d = {'a': 1, 'b': 2}
print(d, len(d), d['a'])
d['c'] = 3
d['a'] = 10
print(d)
del d['b']
print(d, 'b' in d, 'c' in d)
d['b'] = 20
print(d)
print(d.get('a'), d.get('zz'), d.get('zz', 0))
print(d.pop('a'), d)
print(d.pop('nope', 'default'))
print(d.setdefault('c', 99), d.setdefault('new', []), d)
e = d.copy()
e.clear()
print(e, d == e, d != e)
print({} == {}, {'x': 1} == {'x': 1}, {'x': 1} == {'x': 2})
