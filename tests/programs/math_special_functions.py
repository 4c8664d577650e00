# math's special functions: gamma and lgamma (CPython's own Lanczos code),
# erf/erfc, fma, dist and hypot (vector_norm), isclose's tolerances; with
# CPython 3.14's messages for bad inputs.
import math

print(math.gamma(0.5), math.gamma(5.5), math.gamma(-2.5), math.gamma(1e-25))
print(math.gamma(150.3), math.gamma(-150.3), math.gamma(23), math.gamma(24), math.gamma(-201.5))
print(math.lgamma(0.5), math.lgamma(100.5), math.lgamma(-0.5), math.lgamma(-3.5), math.lgamma(1e-25))
print(math.lgamma(1), math.lgamma(2), math.lgamma(float("-inf")), math.gamma(float("inf")))
print(math.erf(0.5), math.erfc(0.5), math.erf(3), math.erfc(10), math.erfc(-40.0), math.erf(-0.1))
print(math.fma(2.0, 3.0, 1.0), math.fma(0.1, 10, -1.0), math.fma(1e308, 10.0, float("-inf")))
print(math.dist((1, 2, 3), (4, 5, 6)), math.dist([0.1] * 10, [0.3] * 10), math.dist((1,), (5,)))
print(math.dist(range(3), [2, 2, 2]), math.dist((), ()), math.dist((1e308, 0), (-1e308, 0)))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-7), math.hypot(1e-320, 1e-320))
print(math.hypot(0.1, 0.2, 0.3, 0.4, 0.5), math.hypot(float("nan"), float("inf")))
print(math.isclose(1.0, 1.0000001, rel_tol=1e-5), math.isclose(1.0, 1.1, abs_tol=0.2))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 2, rel_tol=0.5, abs_tol=0))
print(math.sumprod((1, 2, 3), (4, 5, 6)), math.sumprod([1.5, 2], (3, 4)), math.sumprod([], []))
print(math.sumprod([0.1] * 10, [1] * 10), math.sumprod([2**62, 2**62], [4, 4]), math.sumprod([True, 2.5], [3.0, True]))
print(math.sumprod([1e308, 1e308, -1e308], [10, 1, 10]))
print(math.sumprod(range(5), (x / 2 for x in range(5))), math.sumprod([10**20, 1.5], [3, 2]))

for name, args in [
    ("gamma", (0.0,)),
    ("gamma", (-0.0,)),
    ("gamma", (-2,)),
    ("gamma", (float("-inf"),)),
    ("gamma", (171.7,)),
    ("lgamma", (0.0,)),
    ("lgamma", (-1.0,)),
    ("lgamma", (1e308,)),
    ("gamma", ("x",)),
    ("fma", (1e308, 10.0, 0.0)),
    ("fma", (float("inf"), 0.0, 1.0)),
    ("dist", ((1, 2), (3,))),
    ("dist", ((1, "a"), (3, 4))),
    ("sumprod", ((1, 2), (3,))),
    ("sumprod", ((1, 2), ["a", "b"])),
    ("sumprod", ((1, 2), 3)),
    ("sumprod", (["ab", 2], [3, "c"])),
]:
    try:
        print(name, args, getattr(math, name)(*args))
    except Exception as e:
        print(name, args, type(e).__name__, e)

for call in [
    lambda: math.isclose(1, 2, rel_tol=-1),
    lambda: math.isclose(1, 2, tol=1),
    lambda: math.isclose(1, 2, 3),
]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
