# The math module: constants, rounding, roots, logs and integer functions.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10**30))
print(math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(20), math.factorial(25))
print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(0.001), math.exp(1))
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.hypot(3, 4), math.degrees(math.pi))
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(-7, 3), -7 % 3)
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isclose(0.1 + 0.2, 0.3))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.pow(2, 0.5), 2 ** 0.5, math.radians(180))
from math import sqrt, pi
print(sqrt(pi) > 1.7)
