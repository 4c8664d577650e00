# keys: 0cI<Up><Esc><Right>jsN<Tab>7<Esc><Down>ctg<C-c>cn
# size: 40x21
# f-strings of simple values, true division and float arithmetic.
    t = (t, t)
    x %= (-5 if 2 ^ True else type(1))
else:
        raise ValueError('no')
        del t
    else:
            pass
            a = +b + (b and 2**64)
        for t in s:
        del b
        c = (b & -5 if ((), 1) else f"{'a'}-{-5!r}")[256 + 2**64]
    elif t:
print(int("42") + 1, str(3.5), bool(0), bool("x"))
        s %= x
            print((b, ('' and '\x1b[31mred')))
        for t in range(-3, 10, 2):
    if (-None != f"{2**64}-{('x', 2)!r}"):
if (x not in 10**20) // b['hello']:
        print(((s or f"{'héllo'}-{2!r}"), n))
print(f"n is {n} and n squared is {n * n}")
print(7 / 2, 7 // 2, 7 % 2, -7 / 2)
print(0.1 + 0.2, 1e20 * 10, 2 ** -1, 3.0 * 2)
print(min(3, 1, 2), max((4, 9, 2)), abs(-5), abs(-2.5))
n = 7
