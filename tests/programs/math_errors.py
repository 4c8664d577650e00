# math raises ValueError and OverflowError where CPython does.
import math

for call in [
    lambda: math.sqrt(-1),
    lambda: math.log(0),
    lambda: math.log(-1),
    lambda: math.exp(1000),
    lambda: math.factorial(-1),
    lambda: math.isqrt(-4),
    lambda: math.floor(math.inf),
    lambda: math.floor(math.nan),
    lambda: math.factorial(2.5),
    lambda: math.acos(2),
]:
    try:
        print(call())
    except (ValueError, OverflowError, TypeError) as error:
        print(type(error).__name__, error)
print(math.floor(-0.0), math.ceil(-0.5), math.sqrt(0.0), math.sqrt(-0.0))
print(math.exp(-1000), math.log(10**400) > 920)
