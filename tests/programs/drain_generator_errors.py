# an exception inside a generator consumed by a builtin propagates through
# the builtin with the generator's frame in the traceback text; caught here
def risky(n):
    for i in range(n):
        if i == 2:
            raise ValueError("bad item %d" % i)
        yield i

names = ["list", "tuple", "set", "sum", "sorted", "frozenset", "any", "max"]
for name, consumer in zip(names, (list, tuple, set, sum, sorted, frozenset, any, max)):
    try:
        print(consumer(risky(5)))
    except ValueError as e:
        print(name, "ValueError:", e)
try:
    "".join(map(str, risky(4)))
except ValueError as e:
    print("join", e)
try:
    dict((i, i) for i in risky(4))
except ValueError as e:
    print("dict", e)
g = risky(5)
try:
    list(g)
except ValueError:
    pass
print(list(g))
def reenter():
    yield 1
    yield list(gen)
gen = reenter()
try:
    list(gen)
except ValueError as e:
    print("ValueError:", e)
