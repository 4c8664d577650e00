b = b'python'
ba = bytearray(b'python')
print(b[0], b[-1], b[-6], ba[2], ba[-2])
print(type(b[0]).__name__, type(b[1:2]).__name__, type(ba[1:2]).__name__)
print(b[1:4], b[:-2], b[-3:], b[::2], b[::-1], b[4:1:-1], b[10:], b[-100:2])
print(ba[1:4], ba[::-2], ba[5:2], ba[:])
for i in (6, -7, 100):
    for seq in (b, ba):
        try:
            seq[i]
        except IndexError as e:
            print(type(seq).__name__, i, 'IndexError:', e)
for key in ('0', 1.5, None):
    for seq in (b, ba):
        try:
            seq[key]
        except TypeError as e:
            print('TypeError:', e)
print(b[True], ba[False])
i = -1
while i >= -len(b):
    print(b[i], end=' ')
    i -= 1
print()
print(len(b), len(ba), len(b''), len(bytearray(5)))
print(bool(b''), bool(b'\x00'), bool(bytearray()), bool(bytearray(1)))
