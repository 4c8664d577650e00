# Union, intersection, difference, symmetric difference: operators and methods.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection([2, 3, 9]), a.difference(b), a.symmetric_difference(b))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a == {4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
print(c)
c -= {1}
c ^= {2, 3}
print(c)
c.update([20, 30], {40})
print(c)
c.difference_update({20})
c.intersection_update({3, 10, 30, 40, 50})
print(c)
c.symmetric_difference_update({3, 99})
print(c, c.copy() == c, c.copy() is c)
c.clear()
print(c)
