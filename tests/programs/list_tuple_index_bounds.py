# list.index(x, start, stop) and tuple.index(x, start, stop): the bounds
# through __index__, counted from the end when negative, clamped.
l = [1, 2, 3, 2, 1, 2]
t = tuple(l)
for seq in (l, t):
    print(seq.index(2), seq.index(2, 2), seq.index(2, -3), seq.index(1, 1, 5), seq.index(2, -100, 100), seq.index(2, True))
    for args in [(2, 4, 4), (7,), (1, 1, 4), (2, None), (2, 1.5), (), (1, 2, 3, 4), (2, 10**30), (2, -10**30)]:
        try:
            print(seq.index(*args))
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
class I:
    def __index__(self): return 3
print(l.index(2, I()), t.index(2, I()))
