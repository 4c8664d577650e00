# math.frexp, ldexp, modf, remainder, nextafter, ulp: a float's parts and
# neighbours, exact, with CPython's errors.
import math
print(math.frexp(8.0), math.frexp(-0.1), math.frexp(0.0), math.frexp(5e-324), math.frexp(math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(0.75, -1074), math.ldexp(1.0, 1023), math.ldexp(3.0, -1080))
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf), math.modf(-0.0))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7.5, 2), math.remainder(5, 2), math.remainder(7, 2), math.remainder(3, math.inf))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(1e300), math.ulp(0.0), math.ulp(math.inf))
for f in (lambda: math.ldexp(1.0, 1024), lambda: math.remainder(math.inf, 1), lambda: math.remainder(1, 0), lambda: math.ldexp(1.0, 2.0), lambda: math.ldexp(1.0, 10**30), lambda: math.ldexp(1.0, -10**30)):
    try:
        print(f())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
