# Tricky: errors of to_bytes/from_bytes, bool and subclasses, sign edges.
def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('big', lambda: (256).to_bytes(1))
attempt('neg', lambda: (-1).to_bytes(1))
attempt('-129', lambda: (-129).to_bytes(1, signed=True))
attempt('128 signed', lambda: (128).to_bytes(1, signed=True))
attempt('zero len', lambda: (1).to_bytes(0))
attempt('zero of zero', lambda: (0).to_bytes(0, signed=True))
attempt('len -1', lambda: (5).to_bytes(-1))
attempt('order', lambda: (5).to_bytes(1, 'middle'))
attempt('order type', lambda: (5).to_bytes(1, 5))
attempt('len type', lambda: (5).to_bytes('a'))
attempt('len float', lambda: (5).to_bytes(1.0))
attempt('three pos', lambda: (5).to_bytes(1, 'big', True))
attempt('kw', lambda: (5).to_bytes(foo=1))
attempt('dup', lambda: (5).to_bytes(1, length=1))
attempt('descr', lambda: int.to_bytes(1.5))
attempt('from int', lambda: int.from_bytes(5))
attempt('from str', lambda: int.from_bytes('ab'))
attempt('from 256', lambda: int.from_bytes([256]))
attempt('from -1', lambda: int.from_bytes([-1]))
attempt('from none', lambda: int.from_bytes())
attempt('from order', lambda: int.from_bytes(b'a', 3))
attempt('from order2', lambda: int.from_bytes(b'a', 'x'))
attempt('from dup', lambda: int.from_bytes(b'a', bytes=b'a'))
attempt('from float item', lambda: int.from_bytes([1.0]))
attempt('signed truthy', lambda: (-1).to_bytes(1, signed='yes'))
attempt('signed empty', lambda: (1).to_bytes(1, signed=''))
attempt('bool', lambda: bool.from_bytes(b'\x05'))
attempt('bool zero', lambda: bool.from_bytes(b'\x00\x00'))

class Big(int):
    pass

b = Big.from_bytes(b'\x01\x00')
print(type(b).__name__, b, b + 1)
print(Big(7).to_bytes(2))
big = 2**100
print(len(big.to_bytes(13)), big.to_bytes(13)[0])
attempt('too short', lambda: big.to_bytes(12))
print((-1).to_bytes(3, 'little', signed=True) == b'\xff' * 3)
print(int.from_bytes(b'\xff' * 20, signed=True))
print(int.from_bytes(b'\x00' * 3 + b'\x01', 'little'))
