# A StopIteration escaping a generator becomes a RuntimeError (PEP 479).
def leaky(it):
    yield next(it)
    yield next(it)


print(list(leaky(iter([1, 2]))))
try:
    print(list(leaky(iter([1]))))
except RuntimeError as error:
    print("RuntimeError:", error)
    print("cause:", repr(error.__cause__))
    print("context is cause:", error.__context__ is error.__cause__)
for value in leaky(iter([5])):
    print("got", value)
