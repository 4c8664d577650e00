# print(file=obj) calls obj.write(piece) for each piece, as CPython does.
class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

c = Collect()
print('hello', 42, [1, 2], file=c)
print(c.parts)
c.parts.clear()
print('x', 'y', sep=', ', end='.', file=c)
print(c.parts)
c.parts.clear()
print(file=c)
print(c.parts)

class Loud:
    def __init__(self):
        self.count = 0

    def write(self, text):
        self.count += 1
        print('write', repr(text))

    def flush(self):
        print('flush after', self.count)

loud = Loud()
print(1, 2, 3, file=loud, flush=True)
print(sep=None, end=None, file=loud)


class Shout:
    def __str__(self):
        print('  __str__ runs')
        return 'SHOUT'

print('a', Shout(), 'b', file=loud)
