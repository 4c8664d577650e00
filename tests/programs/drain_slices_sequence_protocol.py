# slice assignment from generators and maps, and instances with only
# __getitem__ (the old sequence protocol) consumed by builtins
a = [0, 1, 2, 3]
a[1:3] = (x * 10 for x in range(4))
print(a)
a[::2] = map(lambda v: -v, range(3))
print(a)
class S:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(S()), sum(S()), 20 in S(), set(S()), sorted(S(), key=lambda v: -v))
a, b, c = S()
print(a, b, c)
