# Breaking out of a for loop drops the last reference to the generator:
# it is closed, so its finally block runs right there.
def lines():
    try:
        for i in range(10):
            yield i
    finally:
        print("finally runs")


for line in lines():
    print("read", line)
    if line == 1:
        break
print("after the loop")
g = lines()
next(g)
g = None
print("after rebinding")


def simple():
    yield 1
    yield 2


s = simple()
next(s)
del s
print("no finally, nothing to run")


def outer():
    for x in lines():
        yield x


o = outer()
print(next(o))
o.close()
print("outer closed")
