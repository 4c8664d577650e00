# zip() over generators in a for loop: each gives one item per round, and
# the first one to run out ends the loop (later ones are not advanced).
def numbered(label, n):
    for i in range(n):
        print("  ", label, "gives", i)
        yield label + str(i)


for a, b in zip(numbered("a", 3), numbered("b", 2)):
    print(a, b)
print("---")
for x, y, z in zip([1, 2, 3], numbered("g", 5), "xy"):
    print(x, y, z)
print("---")
for pair in zip(numbered("p", 2), numbered("q", 2)):
    print(pair)
squares = (n * n for n in range(4))
for n, sq in zip(range(10), squares):
    print(n, sq)
