squares = [n * n for n in range(8)]
print(squares)
evens = [n for n in squares if n % 2 == 0]
print(evens)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
words = ["apple", "kiwi", "banana"]
lengths = {w: len(w) for w in words}
print(lengths)
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
n = 99
print([n for n in range(3)], n)
