text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for word in text.split() if False else ["the", "quick", "the", "fox", "the"]:
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1
print(counts)
ranked = sorted(counts.items(), key=None, reverse=True)
print(ranked)
inverse = {v: k for k, v in counts.items()}
print(inverse)
