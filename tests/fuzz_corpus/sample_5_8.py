# keys: ki<CR><C-c><Up><Right>0?<Space>cu<Up>FGjna<Up>kf:1<Right>dnNxd
# size: 199x5
def f(a):
    return a
def g(a, b):
    if a:
        return g(a - 1, b) if a < 50 else b
    return b
a = (... == x) ** (c and s)
b = float((None == 256))
s = x
t = ''
n = t[(a and 3.14)]
x = 'héllo' - (False not in n)
try:
    range((-0.0 or (1,)))
except Exception:
    del c
x = ((1, 2)[()] if 255 else -1[a])[(-2**63, b) >> (2 if '\n' else 0.5)]
