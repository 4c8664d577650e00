# Instances of int/str/tuple subclasses keep a real __dict__ (no inline
# values for variable-size bases): a cycle through it is two objects.
import gc
class I(int): pass
class T(tuple): pass
class S(str): pass
class L(list): pass
gc.collect()
x = I(5); x.me = x
del x
print(gc.collect())
t = T((1, 2)); t.me = t
del t
print(gc.collect())
s = S("abc"); s.me = [s]
del s
print(gc.collect())
l = L(); l.me = l
del l
print(gc.collect())
a = I(7); b = I(8); a.other = b; b.other = a
del a, b
print(gc.collect())
class F(float): pass
f = F(1.5); f.me = f
del f
print(gc.collect())
s2 = S("xyz"); s2.me = s2
del s2
print(gc.collect())
