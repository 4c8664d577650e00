# keys: <Esc>gC<Esc>Fg<Down><Space>
# size: 204x29
import sys
def g(a, b):
    if a:
        return g(a - 1, b) if a < 50 else b
    return b
a = c
b = 'a'
s = f"{None << None}-{'hello'!r}"
t = (1e308 >= f"{'\n'}-{b!r}")
n = ('\x1b[31mred' >> b <= n[s])
print(id(...))
print(('x', 2), 'ab')
if len(s[0.5]):
    c = (x and False)
