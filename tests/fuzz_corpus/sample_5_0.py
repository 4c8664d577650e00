# keys: <CR>nxu0<Right>
# size: 189x31
a = ('x', 2)
b = (print(s), (2 or 2))
t = ((2 if 2 else -0.0) if x & c else (-1 and 10**100))
x = (False, -1 % 'a')
del s
pass
