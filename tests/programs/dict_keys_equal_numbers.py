# 1, 1.0 and True are one key; the first key object stays
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d)
d2 = {0: 'zero', False: 'false', 0.0: 'fzero'}
print(d2)
d3 = {(1, 2): 'tuple', 'x': None}
print(d3[(1, 2)], d3['x'])
print(d3)
try:
    {[1]: 2}
except TypeError as e:
    print(e)
