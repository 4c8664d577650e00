# range.index and range.count: ints by arithmetic, anything else by ==
r = range(3, 30, 3)
print(r.index(9), r.count(9), r.count(10), range(5).index(True))
print(range(10, 0, -2).index(4), range(0).count(0), r.count(9.0), r.index(12.0), range(-5, 5).index(-5))
for f in (lambda: r.index(10), lambda: r.index(10.0), lambda: r.index("x"), lambda: r.index(), lambda: range(3).index(10**30)):
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Eq:
    def __eq__(self, other):
        return other == 6
print(r.index(Eq()), r.count(Eq()))
