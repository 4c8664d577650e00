# PEP 649/749 (Python 3.14): a class's annotations are evaluated when
# first asked for, by its __annotate__ function, then cached.
import sys


class Point:
    x: int
    y: "float" = 0.5

    def __init__(self, x: int) -> None:
        self.x = x


print(Point.__annotations__)
print(Point.__annotations__ is Point.__annotations__)
print(Point.__annotate__(1), Point.__annotate__.__name__)
print(sorted(k for k in Point.__dict__ if k.startswith("__annotat")))
print(Point.y, Point(3).x, Point.__init__.__annotations__)


class Child(Point):
    pass


class Other(Point):
    z: bytes


print(Child.__annotations__, Child.__annotate__)
print(Other.__annotations__)


def undefined_name_later():
    class Late:
        value: Missing  # noqa: F821

    try:
        Late.__annotations__
    except NameError as e:
        print("NameError:", e)
    return Late


late = undefined_name_later()
Missing = int
print(late.__annotations__)


class Counted:
    a: int
    b: str


ann = Counted.__annotations__
print(sys.getrefcount(ann))


# A class body inside a function sees the function's variables, its own
# names first (LOAD_FROM_DICT_OR_DEREF), and so do its annotations.
def make(kind):
    label = "made"
    scale = 10

    class Made:
        scale = 2
        size: kind = label
        doubled = scale * 2

    return Made


made = make(float)
print(made.size, made.doubled, made.__annotations__)
