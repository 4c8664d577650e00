# __exit__ returning a true value suppresses the exception.
class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            print("clean exit")
            return False
        caught = False
        for k in self.kinds:
            if issubclass_like(kind, k):
                caught = True
        print("exit with", kind.__name__, repr(value), "suppress:", caught)
        return caught


def issubclass_like(kind, base):
    try:
        raise kind
    except base:
        return True
    except BaseException:
        return False


with Suppress(ZeroDivisionError):
    print(1 / 0)
print("after suppressed division")

with Suppress(KeyError):
    print("no error")

try:
    with Suppress(KeyError):
        [][1]
except IndexError as error:
    print("propagated:", repr(error))


class Counting:
    count = 0

    def __enter__(self):
        Counting.count += 1
        return Counting.count

    def __exit__(self, *info):
        return 1


for attempt in range(2):
    with Counting() as n:
        raise ValueError(n)
    print("survived attempt", attempt)
print(Counting.count)
