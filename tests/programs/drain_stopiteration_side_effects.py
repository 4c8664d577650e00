# an iterator whose __next__ has side effects before raising StopIteration,
# and one that raises another exception mid-stream
log = []

class Noisy:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        log.append("iter")
        return self
    def __next__(self):
        self.i += 1
        log.append(self.i)
        if self.i > self.n:
            print("stopping at", self.i)
            raise StopIteration("done")
        return self.i * 10

print(list(Noisy(3)))
print(log)
print(sum(Noisy(2)), set(Noisy(1)), log[-3:])

class Broken:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise KeyError("third")
        return self.i

b = Broken()
try:
    print(list(b))
except KeyError as e:
    print("KeyError", e, b.i)
print(next(b))
try:
    "".join(map(str, Broken()))
except KeyError as e:
    print("KeyError again", e)
def stop_in_map(x):
    if x == 2:
        raise StopIteration
    return x
print(list(map(stop_in_map, range(5))))
