# keys: <CR><C-c>u1<Down><C-c>ni<Right>jgIN
# size: 93x65
import sys
a = 255
b = b
c = (2 if (1,) % '\n' else (s <= 2))
s = b
t = (-1 if type(0.5) else ('\n' or 2))
n = 'hello'
def h2(a, b=1):
    if (t, (2**64 >= 'hello')):
        if a:
            c = int(...[a])
            pass
            print(10**100)
        else:
            print((print(0) if (1, 2) else t), t)
    else:
        ((s == ('a', -5)), ('\n' is c) ^ ('x', 2))
        if f"{not ''}-{0!r}":
            x = (b > ...)
            pass
        if (range(1), (n in x)):
            t = (t, t)
        elif 1e400:
            c += n
            del t
            n += (10**100 if -2**63 else 0)['' | True]
        else:
            n = 0.5
            t = (t, t)
            t = (t, t)
    t *= f"{256}-{'' & True!r}"
    return -c
pass
for s in (1, 'x', 2.5):
    i = 0
    while i < 10:
        i = i + 1
        try:
            t = +(x or 1e308)[((1, 2) & '\n' >= (256 is not -1))]
            pass
        except Exception:
            del a
            del s
            del a
        pass
