# Unpacking any iterable: strings, ranges, dicts, zip and enumerate objects.
a, b = "hi"
c, d, e = range(3)
k1, k2 = {"x": 1, "y": 2}
(p, q), (r, s) = zip("ab", [1, 2])
(i, ch), = enumerate("z")
print(a, b, c, d, e, k1, k2, p, q, r, s, i, ch)


def unpack_two(value):
    first, second = value
    return first, second
for value in ["abc", range(1), {"a": 1, "b": 2, "c": 3}, [1, 2, 3], (1,), 5, None]:
    try:
        print(unpack_two(value))
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
