# The message of an assert is evaluated only when the assertion fails.
calls = []


def check(value):
    calls.append("check " + str(value))
    return value > 1


def message(value):
    calls.append("message " + str(value))
    return "too small: " + str(value)


for v in [5, 0, 3]:
    try:
        assert check(v), message(v)
    except AssertionError as error:
        calls.append("caught " + str(error))
print(calls)


class Invariant(AssertionError):
    pass


try:
    raise Invariant("custom assertion class")
except AssertionError as error:
    print(type(error).__name__, error)
