# bytes and bytearray compare by content, across the two types; never equal to str.
pairs = [
    (b'abc', bytearray(b'abc')),
    (bytearray(b'abc'), b'abd'),
    (b'ab', bytearray(b'abc')),
    (bytearray(b''), b''),
    (b'\xff', bytearray(b'\x00')),
]
for x, y in pairs:
    print(type(x).__name__, type(y).__name__, x == y, x != y, x < y, x <= y, x > y, x >= y)
mixed = [b'b', bytearray(b'a'), b'ab', bytearray(b'aa'), b'']
print(sorted(mixed))
print(max(mixed), min(mixed))
print([b'x'] == [bytearray(b'x')], (b'x', 1) == (bytearray(b'x'), 1), (b'a', 2) < (bytearray(b'a'), 3))
d = {b'key': 1, 'key': 2}
print(len(d), d[b'key'], d['key'])
s = {b'a', 'a', b'a'}
print(len(s), b'a' in s, bytearray(b'a') == b'a')
print(b'a' in [bytearray(b'a')], bytearray(b'a') in [b'a'], b'a' in ('a',))
print(b'1' == 1, b'1' != 1, bytearray() == [], b'' == ())
try:
    print(b'a' < 'b')
except TypeError as e:
    print('TypeError:', e)
try:
    print(bytearray(b'a') > 1)
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([b'a', 'a'])
except TypeError as e:
    print('TypeError:', e)
