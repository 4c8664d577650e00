# A bytearray is mutable: every name sees a change made through another.
a = bytearray(b'spam')
b = a
c = a[:]
d = bytearray(a)
e = bytes(a)
b[0] = ord('S')
b += b'!'
print(a, b, c, d, e)
print(a is b, a is c, a == c, a == e)
box = [a, a]
box[0].append(63)
print(box, box[1] is a)
t = (a,)
t[0].extend(b'..')
print(t, a)
f = b
f *= 2
print(a is f, len(a))
# iterating while it grows stops where the growth ends
g = bytearray(b'ab')
seen = []
for x in g:
    seen.append(x)
    if len(g) < 5:
        g.append(x + 1)
print(seen, g)
# iterating while it shrinks sees fewer bytes
h = bytearray(b'abcdef')
out = []
for x in h:
    out.append(chr(x))
    del h[-1]
print(out, h)
def grow(buf):
    buf.extend(b'+')
    return buf
z = bytearray(b'z')
print(grow(z) is z, z)
k = b'key'
m = {k: bytearray(b'v')}
m[k] += b'w'
print(m)
