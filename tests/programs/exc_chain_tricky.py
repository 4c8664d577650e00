# Exception chaining in odd places: finally, nested handlers, from None,
# and a finally after a handler's return.
def swallow():
    try:
        raise ValueError("lost")
    except ValueError:
        return "handler value"
    finally:
        print("finally runs before the handler's return")


print(swallow())


def replace_in_finally():
    try:
        raise KeyError("first")
    finally:
        try:
            raise TypeError("second")
        except TypeError as error:
            print("context inside finally:", repr(error.__context__))


try:
    replace_in_finally()
except KeyError as error:
    print("the original escapes:", repr(error), error.__context__)


def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError as inner:
            raise ValueError("bad") from inner
    except ValueError as outer:
        raise RuntimeError("worse") from None


try:
    nested()
except RuntimeError as error:
    print(repr(error), error.__cause__, repr(error.__context__), error.__suppress_context__)
    print(repr(error.__context__.__cause__))


def chain_through_generator():
    try:
        yield 1
    except KeyError as error:
        raise LookupError("wrapped") from error


g = chain_through_generator()
next(g)
try:
    g.throw(KeyError("inner"))
except LookupError as error:
    print(repr(error), repr(error.__cause__))
for i in range(3):
    try:
        raise IndexError(i)
    except IndexError as error:
        try:
            raise NameError(i)
        except NameError as second:
            print(repr(second.__context__), second.__context__ is error)
raise ValueError("outer") from KeyError("root cause")
