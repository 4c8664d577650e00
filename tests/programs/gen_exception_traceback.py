# An uncaught exception raised inside a generator frame: the traceback
# goes through the for loop and the generator.
def parse(items):
    for item in items:
        yield 100 // item


total = 0
for value in parse([5, 2, 0, 1]):
    print("value", value)
    total += value
print("never", total)
