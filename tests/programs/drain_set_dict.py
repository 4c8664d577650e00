# set, frozenset, set.update, dict of pairs from generators, maps and filters
def gen(n):
    for i in range(n):
        yield i % 4

print(set(gen(10)))
print(frozenset(x * x for x in gen(6)))
s = {100}
s.update(gen(5))
s.update(map(lambda x: x + 10, gen(3)))
print(sorted(s))
print(sorted({*gen(3), *map(str, gen(2))}, key=str))
print(dict((k, k * k) for k in gen(6)))
print(dict(zip(map(str, gen(3)), gen(3))))
print(dict(enumerate(filter(lambda c: c != "b", "abcb"))))
print(set(filter(None, gen(8))))
print({1, 2}.union(gen(5)), {1, 2, 3}.intersection(x for x in range(2, 9)))
print({0, 1, 2, 3}.difference(gen(3)), {1}.issubset(gen(3)), {0, 1}.issuperset(gen(2)))
print(set(iter(gen(3))), set())
