# A pipeline of generators: each stage pulls from the one before.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n


def labelled(source, label):
    for index, value in enumerate([0, 1, 2, 3, 4, 5]):
        if index >= 3:
            return
        yield label, next(source)


stage = evens(numbers(20))
print(list(labelled(stage, "even")))
print(next(stage))
squares = (n * n for n in evens(numbers(10)))
print(sum(squares))
print(list(squares))
