# A recursive generator walks a nested structure with yield from.
def walk(node, depth=0):
    if isinstance(node, list):
        for child in node:
            yield from walk(child, depth + 1)
    else:
        yield depth, node


tree = [1, [2, [3, 4]], [[5]], 6]
for depth, leaf in walk(tree):
    print("  " * depth + str(leaf))
print(sum(leaf for _, leaf in walk(tree)))
print(max(walk(tree)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])
