# zip(strict=True) finds the mismatch only once the shortest ends: the
# items before it were already produced, and the longer iterator lost one.
a = iter([1, 2, 3])
b = iter("xy")
z = zip(a, b, strict=True)
out = []
try:
    for pair in z:
        out.append(pair)
except ValueError as error:
    print("ValueError:", error)
print(out, list(a), list(b))

# The first argument ends: the others are each asked for one more item.
c = iter([10])
d = iter([20, 21, 22])
try:
    print(list(zip(c, d, strict=True)))
except ValueError as error:
    print("ValueError:", error)
print(list(d))

# Through a generator expression consumed by a builtin.
def numbers(n):
    for i in range(n):
        yield i
try:
    print(sum(x * y for x, y in zip(numbers(3), numbers(4), strict=True)))
except ValueError as error:
    print("ValueError:", error)
print(dict(zip("abc", range(3), strict=True)))

# A for loop over zip(strict=True) of generators: each check resumes one.
def count(n, tag):
    for i in range(n):
        print("  ", tag, "gives", i)
        yield i
    print("  ", tag, "is done")
for lengths in ((2, 2, 2), (2, 3, 2), (3, 2, 2), (2, 2, 3)):
    try:
        for items in zip(count(lengths[0], "a"), iter(range(lengths[1])), count(lengths[2], "c"), strict=True):
            print(items)
        print("same lengths")
    except ValueError as error:
        print("ValueError:", error)
