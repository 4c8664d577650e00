# Counts of the generator object itself while its frame runs.
import sys


def watch():
    yield sys.getrefcount(g)
    yield sys.getrefcount(g)


g = watch()
print(sys.getrefcount(g))
print(next(g))
for count in g:
    print("in the for loop", count)
print(sys.getrefcount(g))
alias = g
print(sys.getrefcount(g))
del alias


def numbers():
    items = [10, 20]
    for item in items:
        yield sys.getrefcount(items)


print(list(numbers()))
print(sum(numbers()))
