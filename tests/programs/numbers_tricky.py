# Numbers at their edges: floor division and modulo signs, float reprs,
# exact int/float comparisons, huge ints, and the errors CPython raises.
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7.5 // 2, -7.5 % 2, 7 % -2.5)
print(0.1 + 0.2, 1e16, 1e-7, 123456789012345678.0, 1.5e300 * 1e10, -0.0, 2.0 ** 0.5)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53), 10 ** 400 > 1e308)
print(9007199254740993 == 9007199254740992.0, 1 == 1.0, hash(1) == hash(1.0))
print(divmod(-7, 2), divmod(7.5, -2), round(-0.5), int(-3.9), int(3.9))
print(2 ** -1, (-8) ** (1 / 3) if False else "skip", 10 ** 20, -(2 ** 63), 2 ** 64 - 1)
print(float("inf") > 10 ** 1000, float("-inf") < -(10 ** 1000), float("nan") == float("nan"))
print(True + True, True * 3, -True, ~5, ~-1, 5 & -3, -5 >> 1, 1 << 70)
print(abs(-2 ** 63), (-2) ** 63, 7 / 2, 6 / 3, 1 / 3)
big = 10 ** 400
for attempt in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0,
                lambda: big * 1.0, lambda: 1 << -1,
                lambda: int("9" * 5000), lambda: float(big), lambda: str(10 ** 5000)[:3],
                lambda: divmod(1, 0), lambda: 0 ** -1, lambda: 0.0 ** -1]:
    try:
        print(attempt())
    except Exception as error:
        print(type(error).__name__, error)
