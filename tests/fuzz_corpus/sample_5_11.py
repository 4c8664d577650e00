# keys: b<Esc>C<Left>Nu:xsgCc<Up>Cc<Space><Tab>7G0dIxi<Down>tiCaa<Down>g
# size: 56x2
import sys
def g(a, b):
    if a:
        return g(a - 1, b) if a < 50 else b
    return b
a = 1e400
c = '\n'
s = f"{f"{True}-{x!r}"}-{g(n)!r}"
t = f((... if 0.5 else -2**63))
n = c
x = s
del t
t = False
print(('x', 2), (0.5 or s))
print(256)
if 1e400 + (1, 2):
    del b
    c = f"{not 1e308[('héllo' and c)]}-{((-5 and a) and s ** (1,))!r}"
elif f"{-2**63}-{s!r}"[0 // '\n']:
    a = None
    i = 0
    while i < 10:
        i = i + 1
        print(1e400, f"{('x', 2)}-{None[-2**63]!r}")
        b = c | None ** -n - f"{f"{0.5}-{x!r}"}-{(255 == 256)!r}"
    for c in range(10**6):
        try:
            c = c | 255
        except Exception:
            del a
        del b
        for b in range(10**6):
            pass
            del s
            continue
else:
    print(not f"{(False if None else ...)}-{max(10**100)!r}")
    def h1(a, b=1):
        for b in t:
            del b
            pass
        n = f"{int(10**100) ** -1}-{3.14!r}"
        return 10**20 // True & -5
t = (t, t)
n = 0
while True:
    n = n + 1
if 256:
    ((1,) or 'ab'[s]) ^ -1
    a = (+x['\n'] or (256['hello'] != f"{n}-{t!r}"))
else:
    if f"{()}-{a!r}" - f(7):
        if 'hello':
            del s
            print(-0.0)
        n = n
        print((f"{a[-2**63]}-{int(a)!r}" if 'hello' else f"{10**20[s]}-{x % True!r}"))
for c in 'abc':
    print(min(3.14), 1e400[()][b << b])
    try:
        2 ** (2 ** 31)
        print(((1,) < min(((1,) >= a))))
    except Exception:
        del c
i = 0
while i < 1000:
    i = i + 1
    a = id(f"{1e400}-{(t if () else b)!r}")
    def h0(a, b=1):
        print(-2**63)
        return -2**63
    10**100 - 'héllo'
