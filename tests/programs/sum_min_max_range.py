# sum/min/max read a range one int at a time (CPython never builds a list):
# values, overflow past a machine word, float starts, errors, and the
# result's count.
import sys

print(sum(range(10**6)), sum(range(10, 0, -3)), sum(range(0)), sum(range(5), 0.5))
print(sum(range(3), 2**70), sum(range(2**62, 2**62 + 4)), sum(range(-5, 5), -1.25))
print(max(range(10**6)), min(range(5, 10**6)), max(range(-5, 5, 2)), min(range(9, -9, -4)))
for empty in (max, min):
    try:
        empty(range(3, 3))
    except ValueError as error:
        print(type(error).__name__, error)
try:
    sum(range(3), "")
except TypeError as error:
    print(error)
try:
    sum(range(3), [])
except TypeError as error:
    print(error)
big = max(range(10**6, 10**6 + 7))
print(big, sys.getrefcount(big))
total = sum(range(1000, 1010))
print(total, sys.getrefcount(total))
print(sum(range(1, 101)) == 100 * 101 // 2, sum(range(10**7)) == (10**7 - 1) * 10**7 // 2)
