# hash(bytes) is the SipHash of the bytes, the same as a str whose
# characters are those bytes (1-byte kind): compare, never print them.
pairs = [
    (b'', ''),
    (b'a', 'a'),
    (b'abc', 'abc'),
    (b'hello world, longer than sixteen bytes', 'hello world, longer than sixteen bytes'),
    (b'\xe9t\xe9', 'été'),
    (b'\x00\x7f\x80\xff', '\x00\x7f\x80\xff'),
]
for b, s in pairs:
    print(repr(b), hash(b) == hash(s), b == s)
print(hash(b''))
print(hash('€'.encode()) == hash('€'), hash('é'.encode('utf-8')) == hash('é'))
print(hash('é'.encode('latin-1')) == hash('é'))
print(hash(b'abc') == hash(b'ab' + b'c'), hash(b'abc') == hash(bytes(bytearray(b'abc'))))
try:
    hash(bytearray(b'abc'))
except TypeError as e:
    print('TypeError:', e)
d = {}
d[b'abc'] = 'bytes'
d['abc'] = 'str'
print(d)
try:
    d[bytearray(b'abc')] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    {bytearray(b'x')}
except TypeError as e:
    print('TypeError:', e)
print(b'abc' in d, bytes(bytearray(b'abc')) in d)
fs = frozenset([b'x', b'y'])
print(b'x' in fs, len({b'q', b'q'[0:1], bytes([113])}))
