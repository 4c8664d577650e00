# Tricky: fromhex rounding halfway cases, overflow, subclasses, bad types.
def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('overflow', lambda: float.fromhex('0x1p1024'))
attempt('round overflow', lambda: float.fromhex('0x1.fffffffffffff8p1023'))
attempt('just below', lambda: float.fromhex('0x1.fffffffffffff7p1023'))
attempt('huge exp', lambda: float.fromhex('0x1p99999999999999999999'))
attempt('tiny exp', lambda: float.fromhex('0x1p-99999999999999999999'))
attempt('zero huge exp', lambda: float.fromhex('0x0p99999999999999999999'))
attempt('int arg', lambda: float.fromhex(5))
attempt('bytes arg', lambda: float.fromhex(b'0x1p0'))
attempt('empty', lambda: float.fromhex(''))
attempt('spaces', lambda: float.fromhex('   '))
attempt('0x only', lambda: float.fromhex('0x'))
attempt('trailing', lambda: float.fromhex('0x1p0z'))
attempt('infi', lambda: float.fromhex('infi'))
attempt('sign twice', lambda: float.fromhex('--0x1'))
attempt('no args', lambda: float.fromhex())
attempt('hex arg', lambda: (1.0).hex(1))
attempt('hex descr', lambda: float.hex(1))
attempt('half even down', lambda: float.fromhex('0x1.00000000000008p0'))
attempt('half even up', lambda: float.fromhex('0x1.00000000000028p0'))
attempt('sub half', lambda: float.fromhex('0x0.00000000000008p-1022'))
attempt('sub up', lambda: float.fromhex('0x0.00000000000018p-1022'))
attempt('long', lambda: float.fromhex('0x' + '1' * 400 + 'p-1600'))

class F(float):
    def half(self):
        return self / 2

f = F.fromhex('0x1.8p0')
print(type(f).__name__, f, f.hex(), f.half())
print((1.5).fromhex('0x2p0'))
print(F(2.5).hex())
print(float.fromhex('-0x0p0').hex(), (-0.0).hex())
x = 1.0
print(x.hex() is x.hex(), x.hex() == x.hex())
