data = b'hello'
for byte in data:
    print(byte, end=' ')
print()
print(list(data), tuple(bytearray(b'hi')), list(reversed(data)))
print(sum(data), max(data), min(data), sorted(data))
for i, byte in enumerate(bytearray(b'ab')):
    print(i, byte)
it = iter(data)
print(type(it).__name__, type(iter(bytearray())).__name__, next(it), next(it))
print(104 in data, 122 in data, b'ell' in data, b'' in data, b'lo' in bytearray(b'hello'))
print(bytearray(b'll') in data, b'x' in bytearray(b'xyz'), 0 in bytes(3))
for item in ('h', 256, -1, 1.0):
    try:
        print(item in data)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
x, y = b'xy'
print(x, y)
a, *rest = bytearray(b'abc')
print(a, rest)
print(set(b'aabbc') == {97, 98, 99})
print([c for c in b'abc' if c != 98], {c % 2 for c in b'0123'})
for start in (b'', bytearray()):
    try:
        sum([b'a'], start)
    except TypeError as e:
        print('TypeError:', e)
print(any(b'\x00\x00'), all(b'ab'), list(zip(b'ab', bytearray(b'cd'))), [*b'hi'])
