counts = {}
for word in ['the', 'cat', 'the', 'hat', 'the']:
    counts[word] = counts.get(word, 0) + 1
print(counts)
for key in counts:
    print(key, counts[key])
for key, value in counts.items():
    print(key, '->', value)
print(list(counts.keys()), list(counts.values()))
print(counts.keys())
print(counts.values())
print(counts.items())
print(sum(counts.values()), max(counts.values()), len(counts.keys()))
