# keys: Fj<Tab>Sf<Tab>?Nk
# size: 181x70
import sys
def f(a):
    return a
a = ...[('a' if 3.14 else ('x', 2))]
b = (1,)
c = ''
s = b
t = abs(())
x = -6
print(3.14)
print(('a' if f"{256}-{c!r}" else 7 - ('x', 2)), ((b, 1e400), (b < c)))
if len(n):
    try:
        n = (f"{(1,)}-{b >> ''!r}" or ((n == n) if 'ab'['\n'] else (-5, s)))
        f.__code__
    except Exception:
        print(c)
        i = 0
        while i < 10:
            i = i + 1
            break
            pass
    try:
        if 255:
            del c
            print(f"{(('x', 2) if b else '\n')}-{2**62!r}", ((1, 2), b))
        elif (+1e400 is not (c or 'héllo')):
            'a' * 10**10
        def h2(a, b=1):
            t = (t, t)
            s = (~3.14 if -2**64 else iter((-6 and s)))
            print((3.14, -6), 10**20)
            return ((255, n), s)
        try:
            t = (t, t)
            pass
            print((-0.0 if (False is 'hello') else s) ** f"{0}-{'hello'!r}" // -0.0)
        except Exception:
            n = a / ((n if ('x', 2) else 7) <= b)
    except Exception:
        n = a
        t = (t, t)
        if not (1,):
            x *= '\x1b[31mred'
            print(x)
            t += ((a if 256 else x), 'hello')
    del t
elif ('\x1b[31mred'[(1,)], -0.0 % 10**20):
    def h0(a, b=1):
        def h1(a, b=1):
            print(((1e400 ^ () if not False else ('' not in s)) or str(float(s))))
            b = (x, 0) ** t << ''
            return -1
        for a in s:
            print(2**64, x)
        return (x if abs(1e308) else (7 not in 0.5))
    del x
    t = (t, t)
del s
def r(k):
    return r(k + 1)
r(0)
print((f(7), (b is True)), 1)
