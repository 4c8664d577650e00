# keys: ?7C
# size: 47x58
def g(a, b):
    if a:
        return g(a - 1, b) if a < 50 else b
    return b
a = 0.5 >> (3.14, x)
c = (10**100 < ()) ** (2 if s else c)
x = ((('x', 2), ...) > -0.0[()])
n = ((-2**63 << n or (-0.0 not in s)), range(int(-5)))
n = ~('' not in (x, b))
def h2(a, b=1):
    try:
        c = '\x1b[31mred'
        s *= sys.getrefcount(10**100) << -5
        try:
            b **= 0.5
        except Exception:
            b <<= ((False, 256), (s or 2**64))
            b = x
            print(((n if 1e400 else x)[(10**20 and 2)] == b))
    except Exception:
        ((n is not c)[0 >> -1] != ('héllo' if -6 else '\n' + c))
        try:
            del a
            t = (t, t)
            c = f"{(f"{-6}-{b!r}" and 1 - c)}-{repr(((), 'héllo'))!r}"
        except Exception:
            print((+type(1e308) or x))
            t = (t, t)
    return 'ab'
t = (t, t)
t = (t, t)
print((f"{t}-{n!r}" or ~x)[sys.getrefcount(-1 >> t)])
a = len((repr(...) if -0.0 else 255 ^ -6))
pass
if (f"{'hello'}-{''!r}" if f"{1}-{a!r}" else ('x', 2)[0]):
    t = (t, t)
elif max((2**64 if (1, 2) else t)):
    b = b
    if c:
        (((1,) if x else -1) <= (x >= ('x', 2))) << n
    elif b:
        for i in range(30):
            t = (t, t)
        pass
        if (False, 10**20 + 7):
            del a
            del s
            print(((True > 255) >= c[255]), 'a'[id(b)])
        else:
            t = (t, t)
            c = f"{not ('', 2**62)}-{...[not 2]!r}"
    else:
        for c in range(-3, 10, 2):
            c -= ((-1, -5), f"{n}-{s!r}")
            pass
        for b in t:
            del a
            pass
try:
    'a' * 2**62
except Exception:
    raise ValueError('no')
    for x in 'abc':
        for c in s:
            c = s
            ().__class__
            break
        b = (1,)
    if (+c or (2**64 and 'a')):
        print((f"{not ()}-{2**62 << True!r}", max(-0.0)[f(s)]))
        f"{repr(False)[f"{'héllo'}-{x!r}"]}-{-6!r}"
        n **= 2**64
    else:
        ((s > '') if -5 else 1 + a)[~()]
        print((print(t) or 1), '')
