# __iter__ returning an iterator object with __next__ raising StopIteration.
class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIter(self.start)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


for i in Countdown(3):
    print(i)
print(list(Countdown(4)))
print(sum(Countdown(5)), max(Countdown(3)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
print(3 in Countdown(5), 9 in Countdown(5))
a, b = Countdown(2)
print(a, b)
