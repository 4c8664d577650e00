# Tuples: constant tuples, tuples built at run time, nesting, len.
a = 1
b = "two"
empty = ()
pair = (a, b)
triple = (a, b, None)
nested = (pair, triple, (a,))
print(empty)
print(pair)
print(triple)
print(nested)
print(len(empty), len(pair), len(nested))
print((1, 2, 3))
print(("single",))


def make(x, y):
    return (y, x)


print(make(3, 4))
print(make(pair, empty))
