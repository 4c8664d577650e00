# Type hints as values: `list[int]` (types.GenericAlias) and `int | None`
# (typing.Union), as type aliases and annotations use them.
Vector = list[float]
Matrix = list[list[float]]
Table = dict[str, tuple[int, ...]]
Empty = tuple[()]
print(Vector, Matrix, Table, Empty)
print(type(Vector), Vector.__origin__, Vector.__args__, Table.__args__)
print(Vector == list[float], Vector == list[int], Vector != list[float])

v = Vector([1.5, 2.5])
d = dict[str, int](a=1)
print(v, type(v).__name__, d)

MaybeInt = int | None
Number = int | float | complex
print(MaybeInt, Number, type(MaybeInt), MaybeInt.__args__)
print(int | int, (int | str) == (str | int), int | str | int)
print(isinstance(3, int | str), isinstance(None, MaybeInt), isinstance("s", Number))
print(issubclass(bool, int | str), issubclass(bytes, int | str))


class Point:
    pass


print(Point | None, list[Point], isinstance(Point(), Point | int))

for bad in (lambda: isinstance([], list[int]), lambda: isinstance(3, int | list[int]),
            lambda: issubclass(list, list[int]), lambda: None | None, lambda: 3 | int):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def mean(values: list[float] | None = None) -> float | None:
    if not values:
        return None
    return sum(values) / len(values)


print(mean([1.0, 2.0]), mean(), mean.__annotations__)
import sys
print(sys.getrefcount(Vector), sys.getrefcount(list[int]))
