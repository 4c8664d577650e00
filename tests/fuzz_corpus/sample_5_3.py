# keys: u<Down><Down>x<Esc>?
# size: 19x3
import sys
def f(a):
    return a
def g(a, b):
    if a:
        return g(a - 1, b) if a < 50 else b
    return b
a = 1
b = len((255, 3.14))
t = (not '\n' if (s and ...) else f"{t}-{c!r}")
del b
for b in (1, 'x', 2.5):
    s = -1 << (10**20 or 1e400)
del t
import os
if ('\n' ** 'héllo' and 7[...]):
    del x
    del a
elif str(s)[(t, -2**63)]:
    a <<= f"{1}-{'ab'!r}"
    c *= +~(1, 2)
else:
    c = (((b != n), ('ab', -6)) if ((b > t), -5 >> 3.14) else x)
    print((0.5 & 'a' if 'héllo'[-0.0] else b), b)
for n in range(-3, 10, 2):
    pass
    pass
    if ((True >= -0.0) if (s if n else 2**64) else 10**20[10**100]):
        s = str(('\x1b[31mred'[('x', 2)], ('a' < b)))
        print(255)
        continue
    else:
        break
        print(x)
a = print(None // x) + s
