# Tricky: slice assignment changing the length, deletion, extended slices.
import sys

a = list(range(10))
a[2:5] = ["x"]
print(a, len(a))
a[1:1] = [100, 200, 300]
print(a)
a[:] = [1, 2, 3]
print(a)
b = list(range(10))
del b[::2]
print(b)
del b[1:3]
print(b)
c = list(range(6))
c[::2] = ["a", "b", "c"]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print(e)
d = [1, 2, 3]
alias = d
d[len(d):] = [4, 5]
print(alias, alias is d)
e = list(range(20))
slots = sys.getsizeof(e)
del e[5:]
print(sys.getsizeof(e) < slots, e)
e[2:2] = range(10)
print(e)
e[:] = []
print(e, sys.getsizeof(e) == sys.getsizeof([]))
