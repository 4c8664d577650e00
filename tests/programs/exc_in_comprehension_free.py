# An exception out of a loop body inside a function: locals are released.
import sys
def work(items):
    total = 0
    for item in items:
        total += 10 // item
    return total


data = [1, 2, 0]
try:
    work(data)
except ZeroDivisionError as e:
    print("failed:", e)
print(sys.getrefcount(data))
print(work([5, 2]))
