# dis-only
# A list comprehension (inlined in 3.12+) and a nested one with a condition.
squares = [i * i for i in range(10)]
evens = [x for x in squares if x % 2 == 0]


def pairs(n):
    return [(a, b) for a in range(n) for b in range(a)]


print(squares, evens, pairs(3))
