# close() throws GeneratorExit at the yield: finally blocks run.
def resource(name):
    print("open", name)
    try:
        yield 1
        yield 2
    finally:
        print("close", name)


r = resource("a")
print(next(r))
print(r.close())
print("closed twice:", r.close())
unstarted = resource("b")
unstarted.close()
print("an unstarted generator runs nothing")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as error:
    print("RuntimeError:", error)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "cleaned"


c = returns_on_close()
next(c)
print("close returned", c.close())
