class Packet:
    def __init__(self, payload):
        self.payload = payload

    def __bytes__(self):
        print("bytes called")
        return self.payload.encode()

print(bytes(Packet('hi')))
print(bytearray(b'ab'))

class Size:
    def __index__(self):
        return 3

print(bytes(Size()), bytearray(Size()))

class BadBytes:
    def __bytes__(self):
        return 'text'

try:
    bytes(BadBytes())
except TypeError as e:
    print("TypeError:", e)

class Phasor:
    def __complex__(self):
        return complex(1, 2)

class Real:
    def __float__(self):
        return 2.5

class Count:
    def __index__(self):
        return 4

print(complex(Phasor()), complex(Real()), complex(Count()))

class BadComplex:
    def __complex__(self):
        return 1

try:
    complex(BadComplex())
except TypeError as e:
    print("TypeError:", e)
try:
    complex(Packet('x'))
except TypeError as e:
    print("TypeError:", e)
