# sys.getsizeof of a bytearray is its header plus what is allocated: the
# growth pattern of PyByteArray_Resize (compared, as the oracle is 32-bit).
import sys
base = sys.getsizeof(bytearray())
def extra(x):
    return sys.getsizeof(x) - base

ba = bytearray()
steps = []
for i in range(30):
    steps.append(extra(ba))
    ba.append(i)
print(steps)
print(extra(bytearray(b'abc')), extra(bytearray(10)), extra(bytearray([1, 2, 3])), extra(bytearray(range(10))))
shrink = bytearray(b'0123456789')
trail = []
while shrink:
    shrink.pop()
    trail.append(extra(shrink))
print(trail)
c = bytearray(b'x' * 20)
c += b'y' * 5
print(extra(c))
c.extend(b'abc')
print(extra(c))
c.extend(range(30))
print(extra(c))
c.extend(iter([1, 2]))
print(extra(c))
d = bytearray(b'abcdef')
del d[0]
print(extra(d))
d.append(1)
print(extra(d))
d.append(2)
print(extra(d))
d.clear()
print(extra(d))
e = bytearray(b'abcdef')
e[1:3] = b'wxyz'
print(extra(e))
e *= 3
print(extra(e))
print(extra(bytearray(b'ab') * 3), extra(bytearray(b'ab') + b'cd'), extra(bytearray(b'abcdef')[1:3]))
print(extra(bytearray(b'abcdef').copy()), extra(bytearray(b'  abc  ').strip()))
print(sys.getsizeof(b'abc') - sys.getsizeof(b''), sys.getsizeof(b'x' * 100) - sys.getsizeof(b'x'))
print(extra(bytearray(x for x in range(10))), extra(bytearray([x for x in range(10)])))
print(bytearray(x + 60 for x in range(5)), bytes(x + 60 for x in range(3)))
try:
    bytearray(x * 100 for x in range(5))
except ValueError as e:
    print('ValueError:', e)
try:
    bytes(x * 100 for x in range(5))
except ValueError as e:
    print('ValueError:', e)
