# A TypeError deep in a call chain; each frame shows its own caret line.
def inner(a, b):
    total = a - b
    return total


def outer(x):
    result = inner(x, "one")
    return result


print(outer(5))
