# Objects with __index__ stand for ints wherever bytes want one; each
# __index__ call runs as Python code.
class Small:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        print('index of', self.n)
        return self.n

data = b'abcdef'
print(data[Small(1)], data[Small(-1)])
print(bytes([Small(104), Small(105)]))
ba = bytearray(b'xyz')
ba[Small(0)] = Small(88)
print(ba)
ba.append(Small(33))
ba.insert(Small(1), 45)
print(ba, ba.pop(Small(0)))
print(Small(120) in b'xyz', data.find(Small(99)), data.count(Small(97)))
try:
    ba.append(Small(300))
except ValueError as e:
    print('ValueError:', e)
class NoIndex:
    pass
try:
    data[NoIndex()]
except TypeError as e:
    print('TypeError:', e)
try:
    NoIndex() in data
except TypeError as e:
    print('TypeError:', e)
