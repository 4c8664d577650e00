# Builtins consuming 100,000 items that come from Python code: map and
# filter with Python functions, generator expressions, an iterator class.
N = 100_000


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


def numbers(n):
    for i in range(n):
        yield i


squares = list(map(lambda x: x * x, range(N)))
total = sum(map(lambda x: x % 7, numbers(N)))
text = "".join(str(x % 10) for x in range(N))
distinct = set(x % 1000 for x in numbers(N))
ordered = sorted(map(lambda x: -x, Counter(N)))
kept = tuple(filter(lambda x: x % 3 == 0, numbers(N)))
print(len(squares), total, len(text), len(distinct), ordered[0], len(kept))
