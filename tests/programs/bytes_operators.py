a = b'ab'
b = b'cd'
print(a + b, a * 3, 2 * a, a * 0, a * -1, a + bytearray(b'!'))
print(bytearray(b'x') + b'y', bytearray(b'x') * 3, type(bytearray(b'x') + b'y').__name__)
c = a
c += b'!'
print(c, a)
d = bytearray(b'ab')
e = d
e += b'!'
print(d, e, d is e)
e *= 2
print(d, d is e)
print(a == b'ab', a != b, a < b, b'abc' < b'abd', b'ab' < b'abc', b'b' > b'abc', b'' < b'\x00')
print(a <= b'ab', a >= b'ab', bytearray(b'b') >= b'a')
for f in (lambda: a + 'x', lambda: 'x' + a, lambda: a + 1, lambda: bytearray() + [1],
          lambda: a * 'x', lambda: a * 1.5, lambda: a - a, lambda: -a, lambda: a < 'b',
          lambda: a < 1, lambda: a % 1 if False else a / 2):
    try:
        print(f())
    except TypeError as err:
        print('TypeError:', err)
print(a == 'ab', a != 'ab', a == [97, 98], bytearray(b'ab') == 'ab')
