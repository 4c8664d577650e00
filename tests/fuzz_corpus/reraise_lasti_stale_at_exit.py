# keys: b<Space>0:kG7<Down>Fc
# size: 170x15
# Tricky: a generator keeps the exception it is handling while suspended,
# and exceptions raised in it chain to what its resumer is handling.
def handler():
    try:
        raise TypeError("inside")
    except TypeError:
        yield "suspended in the handler"
        raise


h = handler()
print(next(h))
try:
    raise ValueError('no')
    raise IndexError("caller's own")
except IndexError:
    pass
try:
    next(h)
except TypeError as error:
    print("bare raise after resuming:", repr(error), repr(error.__context__))


def plain():
    yield 1
    raise ValueError("raised in the generator")


p = plain()
next(p)
try:
    raise KeyError("being handled by the caller")
except KeyError:
    try:
        next(p)
    except ValueError as error:
        print("context:", repr(error.__context__))


def peek():
    try:
        raise NameError("gen")
    except NameError as own:
        yield repr(own)
        yield "still handling"


k = peek()
try:
    raise LookupError("outside")
except LookupError:
    print(next(k))
print(next(k))
