class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1

c = Counter()
for word in "the cat and the hat and the bat".split():
    c.add(word)
print(c, c['the'], c['dog'], 'dog' in c, len(c))
print(type(c).__name__, isinstance(c, dict))
print(sorted(c.items()), c.get('zzz'))

class DefaultList(dict):
    def __missing__(self, key):
        value = self[key] = []
        return value

d = DefaultList()
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d)

class Config(dict):
    def __init__(self, **kwargs):
        super().__init__(kwargs)
        self.frozen = False

cfg = Config(debug=True, level=3)
print(cfg, cfg.frozen, cfg['level'])
try:
    cfg['nope']
except KeyError as e:
    print("KeyError:", e)

class Plain(dict):
    pass

p = Plain({'x': 1}, y=2)
print(p, p.keys())
try:
    class Both(list, dict):
        pass
except TypeError as e:
    print("TypeError:", e)
