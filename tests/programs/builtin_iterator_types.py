# enumerate, zip, reversed and super are classes, not functions.
for t in (enumerate, zip, reversed, super, map, filter):
    print(t, type(t), isinstance(t, type))
e = enumerate("ab", start=5)
print(isinstance(e, enumerate), type(e) is enumerate, type(e).__name__)
print(list(e))
print(type(zip()), type(reversed((1, 2))), type(reversed([1])).__name__)

# reversed() of a range is a range iterator that counts down.
r = reversed(range(1, 10, 3))
print(type(r).__name__, list(r))
print(list(reversed(range(5))), list(reversed(range(0))), list(reversed(range(10, 0, -4))))
for i in reversed(range(3)):
    print("countdown", i)

# zip(strict=True): the same length, or a ValueError naming the argument.
print(list(zip([1, 2], "ab", strict=True)))
print(list(zip(strict=True)), list(zip([1], strict=False)))
for args in (([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5]), ([1], [2], [3, 4]), ((), (), [1])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as error:
        print("ValueError:", error)
try:
    zip([1], fill=0)
except TypeError as error:
    print("TypeError:", error)
pairs = zip(iter([1, 2, 3]), iter("abc"), strict=1)
print(next(pairs), list(pairs))
