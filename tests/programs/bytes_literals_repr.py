# Reprs of bytes and bytearray: CPython's quote choice and escapes.
samples = [
    b'',
    b'plain',
    b"it's",
    b'say "hi"',
    b'both \' and "',
    b'\x00\x01\x1f\x7f\x80\xff',
    b'tab\there\nnew\rret\\slash',
    b'\x41\x42',
]
for s in samples:
    print(repr(s), len(s))
for s in samples:
    print(repr(bytearray(s)))
print(str(b'x'), str(bytearray(b'y')))
print(b'abc', bytearray(b'abc'))
print(f'{b"q"}', f'{b"q"!r}', f'{bytearray(b"z")!s}')
print([b'a', bytearray(b'b')], (b'c',), {b'k': b'v'})
print(type(b'').__name__, type(bytearray()).__name__)
print(isinstance(b'', bytes), isinstance(bytearray(), bytes), isinstance(bytearray(), bytearray))
print(bytes, bytearray, type(b'x') is bytes)
