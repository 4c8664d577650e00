# Starred unpacking: the star takes a new list, possibly empty.
import sys

first, *rest = [1, 2, 3]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
a, *middle, z = "hello"
print(a, middle, z)
head, *tail = range(1)
print(head, tail, type(tail).__name__)
x, *y, w = 1, 2
print(x, y, w)
big = [1000, 2000, 3000, 4000]
p, *q = big
print(sys.getrefcount(big[1]), q[0] is big[1])
for i, *others in [(1, 2, 3), (4,)]:
    print(i, others)
try:
    a, b, *c = [1]
except ValueError as error:
    print("ValueError:", error)
try:
    a, *b = 5
except TypeError as error:
    print("TypeError:", error)
