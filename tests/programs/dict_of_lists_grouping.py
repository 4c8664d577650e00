words = ["apple", "avocado", "banana", "blueberry", "cherry"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
for letter, members in sorted(groups.items()):
    print(letter, len(members), members[-1])
