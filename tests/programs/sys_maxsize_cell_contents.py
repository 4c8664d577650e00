import sys
print(sys.maxsize > 2**30, type(sys.maxsize).__name__, (-sys.maxsize - 1) < 0)
best = sys.maxsize
for x in [5, 3, 9]:
    best = min(best, x)
print(best)
def make():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
f = make()
f()
print(f(), f.__closure__[0].cell_contents, type(f.__closure__[0]).__name__)
def late():
    def g():
        return v
    c = g.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    v = 1
    print(c.cell_contents)
late()
