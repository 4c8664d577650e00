# comb()/perm() with large arguments: exact, and quick (the product is
# split in halves rather than taken one factor at a time).
import math

print(math.comb(10**6, 3), math.comb(1000, 500) % 1000003)
print(math.comb(200000, 199990), math.perm(10**18, 3))
print(math.comb(5, 0), math.perm(5, 0), math.comb(5, 9), math.perm(5, 9))
print(math.comb(100000, 50000) % 1000000007)
print(math.perm(50000, 40000) % 998244353)
print(math.factorial(30000) % 1000000007, math.factorial(0), math.factorial(17))
