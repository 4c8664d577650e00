# __length_hint__() of the built-in iterators: what is left.
its = [iter([1,2,3]), iter((1,2)), iter('abc'), iter('é€x'), iter(b'xy'), iter(bytearray(b'xyz')), iter({1,2}), iter(range(5)), reversed([1,2,3]), reversed((1,2)), reversed('abcd'), iter({'a':1}.items()), reversed(range(3))]
print([it.__length_hint__() for it in its])
for it in its: next(it)
print([it.__length_hint__() for it in its])
for it in its: list(it)
print([it.__length_hint__() for it in its])
s = {1, 2}
it = iter(s); s.add(3)
print(it.__length_hint__())
l = [1, 2, 3]
it = reversed(l); l.pop(); l.pop()
print(it.__length_hint__(), list(it))
print(type(reversed(l)).__length_hint__(reversed(l)))
try: iter([]).__length_hint__(1)
except TypeError as e: print(e)
