# Set comprehensions and unpacking into sets.
squares = {x * x for x in range(-3, 4)}
print(squares)
evens = {n for n in range(20) if n % 2 == 0}
print(evens, len(evens))
mixed = {*[1, 2], *(2, 3), 4}
print(mixed)
words = ["a", "bb", "cc", "ddd"]
lengths = {len(w) for w in words}
print(lengths)
pairs = {(x, y) for x in range(2) for y in range(2)}
print(sorted(pairs))
