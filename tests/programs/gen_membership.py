# `in` looks through a generator only as far as it must.
def numbers():
    for n in [3, 1, 4, 1, 5]:
        print("produce", n)
        yield n


g = numbers()
print(4 in g)
print(next(g))
print(1 in g, 9 in g)
print(2 not in numbers())
print("a" in (c for c in "cab"))
squares = (n * n for n in range(10))
print(16 in squares, list(squares))
