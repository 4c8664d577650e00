# many items through each kind of consumer (the tests also count the steps)
n = 300
def gen(k):
    for i in range(k):
        yield i

class Up:
    def __init__(self, k):
        self.i = 0
        self.k = k
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.k:
            raise StopIteration
        self.i += 1
        return self.i

print(len(list(map(lambda x: x, range(n)))))
print(sum(map(lambda x: x, gen(n))))
print(len(set(Up(n))), len("".join(str(x % 10) for x in gen(n))))
print(len(sorted(map(lambda x: -x, Up(n)))), max(filter(lambda x: x % 7 == 0, gen(n))))
print(len(dict((i, i) for i in gen(n))), any(x > n for x in Up(n)), (n - 1) in gen(n))
