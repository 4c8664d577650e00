# A class made iterable the usual way, with a generator __iter__: for loops,
# list/tuple/sorted/sum/min/max/any/all drive the generator frame by frame,
# and the counts of the instance and the generator are CPython's.
import sys


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


class Words:
    def __init__(self, text):
        self.text = text

    def __iter__(self):
        for word in self.text.split():
            print("yielding", word)
            yield word


c = Countdown(4)
print(list(c), tuple(c), sorted(c), sum(c), min(c), max(c))
print(any(x > 3 for x in c), all(c), any(Countdown(0)), all(Countdown(0)))
print(sorted(Words("pear apple fig")))
print(list(Countdown(0)), sum(Countdown(3), 10))
it = iter(c)
print(type(it).__name__, next(it), sys.getrefcount(c))
for n in Countdown(2):
    print("for", n)
w = Words("a b")
print(max(w), sys.getrefcount(w))
try:
    min(Countdown(0))
except ValueError as error:
    print("ValueError:", error)
