# `from module import *` binds the module's public names.
from math import *
print(floor(2.5), sqrt(16), pi == 3.141592653589793, gcd(4, 6))
print(callable(sinh), "sqrt" in dir(), "__name__" in globals(), __name__)
from gc import *
print(collect() >= 0, isenabled())

# The hyperbolic functions and their kin, with CPython's errors.
import math
values = [0.0, 0.5, -2.0, 1.0, 10.0]
for name in ("sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt", "exp2", "expm1", "log1p"):
    f = getattr(math, name)
    out = []
    for x in values:
        try:
            out.append(round(f(x), 12))
        except ValueError as error:
            out.append("ValueError: " + str(error))
    print(name, out)
for call in (lambda: math.cosh(1000), lambda: math.exp2(5000), lambda: math.sinh(-1e3), lambda: math.log1p(-1), lambda: math.atanh(-1), lambda: math.acosh(float("nan"))):
    try:
        print(call())
    except (ValueError, OverflowError) as error:
        print(type(error).__name__ + ":", error)
print(math.cbrt(-27), math.expm1(1e-10), math.log1p(1e-10), math.tanh(1000))
