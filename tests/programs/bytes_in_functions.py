# bytes flowing through functions, generators, comprehensions and classes.
def checksum(payload: bytes) -> int:
    total = 0
    for i, byte in enumerate(payload):
        total = (total * 31 + byte * (i + 1)) % 65521
    return total

def chunks(data, size):
    for start in range(0, len(data), size):
        yield data[start:start + size]

message = 'Grüße, world!'.encode('utf-8')
print(len(message), checksum(message))
print(list(chunks(message, 4)))
print([c.hex() for c in chunks(message, 5)])
frame = bytearray()
for part in chunks(message, 3):
    frame += bytes([len(part)])
    frame.extend(part)
print(frame)
class Packet:
    def __init__(self, kind, body):
        self.kind = kind
        self.body = body
    def encode(self):
        return bytes([self.kind, len(self.body)]) + self.body
    def __repr__(self):
        return f'Packet({self.kind}, {self.body!r})'
packets = [Packet(1, b'hi'), Packet(2, bytearray(b'yo'))]
print(packets, [p.encode() for p in packets])
decoded = {p.kind: p.body.decode() for p in packets}
print(decoded)
match message[:2]:
    case b'Gr':
        print('matched literal')
    case _:
        print('no match')
match bytearray(b'xy'):
    case bytearray(value):
        print('class pattern', value)
def swap(buf):
    buf[0], buf[-1] = buf[-1], buf[0]
z = bytearray(b'abc')
swap(z)
print(z)
