# Count occurrences of keys in a dict.
counts = {}
for i in range(200000):
    key = i % 97
    counts[key] = counts.get(key, 0) + 1
total = 0
for key, value in counts.items():
    total += value
print(len(counts), total)
