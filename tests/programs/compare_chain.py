# Comparisons and chained comparisons.
a = 1
b = 2
c = 3
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(a < b < c)
print(a < b > c)
print(a < c > b)
print(c > b > a)
print(a == 1 == 1)
print(a <= a < b <= b)


def between(lo, x, hi):
    return lo <= x < hi


print(between(0, 5, 10), between(0, 10, 10), between(0, -1, 10))
print("abc" < "abd", "b" > "abc", "x" == "x")
