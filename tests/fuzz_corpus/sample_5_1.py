# keys: <Esc><Space>x<Space>s:<Left>aN<Tab>1<Left>ciC:dn:
# size: 105x70
c = ((-6, s) if 'hello' else '')
n = 'a'
x = ('héllo' if (0.5 <= t) else ('a' or None))
not n
x %= b
if t ** not 3.14:
    t = (t, t)
elif 3.14 >> -1[repr(1)]:
    n = ((f"{0.5}-{'ab'!r}" or -5 & '\n') or ((n, '\x1b[31mred') is (1,)))
    try:
        raise ValueError('no')
    except Exception:
        s = (False[False], ('ab', n)) << type((1,)[b])
        c <<= (True ** () and 3.14)
        for b in range(10**6):
            del x
else:
    not f"{False[0]}-{c[-0.0]!r}"
    print(('' or s)[~3.14])
    s = None
pass
t = (x // n[10**20] if a else (sys.getsizeof('\n'), (-2**63 not in -5)))
for n in range(10**6):
    t = print(+b)
if (t or 7)[id(2)]:
    if n ** x % b // (1, 2):
        if 7 ^ 2**64 % x:
            t = (t, t)
            t = True
            del x
        else:
            a = n
    else:
        print(()[(False or (1,)) + 256 - x])
        print(n)
        print(10**20)
elif max(range(b)):
    def h1(a, b=1):
        if (+a and (7 == a)):
            del n
            n *= float(not 'ab')
            (0,) * 10**12
        elif ('' and t) * '\x1b[31mred':
            del t
            s %= f"{f"{1}-{2**62!r}"}-{n!r}"
            t = (t, t)
        a **= '\n'
        return a
    def h0(a, b=1):
        s
        del s
        return t
