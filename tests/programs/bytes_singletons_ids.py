# CPython caches b'' and the 256 one-byte bytes as immortal objects: a
# one-byte piece of existing bytes is that object, a freshly built one is not.
import sys
a = b'a'
empty = b''
ab = b'ab'
print(ab[0:1] is a, ab[:1] is a, ab[0:1:1] is a, b'xa'[1:] is a)
print(ab[:0] is empty, bytes() is empty, ab[5:] is empty, bytearray(b'') == empty)
print(bytes([97]) is a, 'a'.encode() is a, ab.split(b'b')[0] is a, b' a '.strip() is a)
print(b'cab'[1::5] is a, b'A'.lower() is a, bytes(bytearray(b'a')) is a, a * 1 is a)
zero = b'\x00'
print(bytes(1) is zero, bytes([0]) is zero, bytes(1) == zero)
print(bytes(a) is a, b''.join([a]) is a, a + empty is a, empty + a is a)
print(ab.replace(b'z', b'y') is ab, ab.strip() is ab, ab.split()[0] is ab, ab.partition(b'=')[0] is ab)
big = sys.getrefcount(a)
print(big > 1000000, sys.getrefcount(empty) == big)
x = b'xyz'
print(sys.getrefcount(x) < 100)
ids = {id(b'q'[0:1]), id(bytes([113])), id('q'.encode())}
print(len(ids))
print(b'\xff'[0:1] is bytes([255]), ab[0] == 97)
