# keys: G
# size: 100x30
# comb()/perm() with a huge number of factors used to multiply one factor
# at a time, unbounded by the memory limit (minutes, or gigabytes): now
# refused past 100000 factors, and the rest is quick.
import math

print(math.comb(10**6, 99999) % 7, math.perm(10**18, 100000) % 7)
print(math.comb(10**6, 999990) % 7, math.factorial(100000) % 7)
print(math.perm(2**63, 10**9))
