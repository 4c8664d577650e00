# Build a list of pseudo-random ints, sort it, and check it.
seed = 12345
values = []
for i in range(60000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    values.append(seed % 100000)
ordered = sorted(values)
values.sort(reverse=True)
print(ordered[0], ordered[-1], values[0], len(ordered))
