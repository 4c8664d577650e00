# int.to_bytes: length defaults to 1, byteorder to 'big'.
print((5).to_bytes())
print((1024).to_bytes(2))
print((1024).to_bytes(2, 'little'))
print((1024).to_bytes(4, byteorder='big'))
print((-1).to_bytes(2, 'big', signed=True))
print((-128).to_bytes(1, signed=True))
print((127).to_bytes(1, signed=True))
print((255).to_bytes(1))
print((0).to_bytes(0))
print((2**64 - 1).to_bytes(8, 'little'))
print((-2**63).to_bytes(8, 'big', signed=True))
print((10**30).to_bytes(16))
print(True.to_bytes())
print(int.to_bytes(258, 2, 'little'))
n = 65535
data = n.to_bytes(length=3, byteorder='little', signed=False)
print(type(data).__name__, len(data), list(data))
print(n.to_bytes(3)[::-1] == data)
m = n.to_bytes
print(m(2))
for width in range(1, 4):
    print(width, (300).to_bytes(width, 'big') if width > 1 else 'skip')
