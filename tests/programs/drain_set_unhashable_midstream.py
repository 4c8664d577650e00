# set(gen) with an unhashable item raises at that item: the generator is
# left suspended just after it and can be resumed by next()
def items():
    print("yield 1")
    yield 1
    print("yield [2]")
    yield [2]
    print("yield 3")
    yield 3
    print("finished")

g = items()
try:
    set(g)
except TypeError as e:
    print("TypeError:", e)
print(next(g))
print(list(g))

def pairs():
    yield ("a", 1)
    print("bad pair next")
    yield ("b", 2, 3)
    print("never")
    yield ("c", 3)

p = pairs()
try:
    dict(p)
except ValueError as e:
    print("ValueError:", e)
print(next(p))
try:
    dict(x for x in [("k", 1), 5])
except TypeError as e:
    print("TypeError:", e)
