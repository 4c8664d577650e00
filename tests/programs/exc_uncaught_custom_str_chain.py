# A chain of uncaught exceptions, each line made with the exception's own
# __str__: one that raises or returns a non-str prints
# "<exception str() failed>", an empty one leaves the class name alone, and
# an argument's __str__ counts for BaseException.__str__.
class Holder:
    def __str__(self):
        return "held value"


class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no text")


class NotText(Exception):
    def __str__(self):
        return 42


class Quiet(Exception):
    def __str__(self):
        return ""


class Middle(Exception):
    def __init__(self, n):
        self.n = n

    def __str__(self):
        return f"middle {self.n}"


class Outer(Exception):
    def __str__(self):
        return "outer " + type(self.__cause__).__name__


def inner():
    try:
        raise ValueError(Holder())
    except ValueError:
        try:
            raise NotText("x")
        except NotText:
            try:
                raise Quiet()
            except Quiet:
                raise Broken("y")


def middle():
    try:
        inner()
    except Broken as error:
        print("caught", type(error).__name__)
        raise Middle(2)


try:
    middle()
except Middle as m:
    print("caught", m)
    raise Outer() from m
