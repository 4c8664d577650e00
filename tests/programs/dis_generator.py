# dis-only
# A generator function with yield, a yield from, and a generator expression.
def countdown(n):
    while n > 0:
        yield n
        n = n - 1


def chained(a, b):
    yield from countdown(a)
    yield from countdown(b)


print(list(countdown(3)), list(chained(2, 1)), sum(i * i for i in range(4)))
