# A slice copies references: the items are shared, the list is new.
import sys

item = ["shared"]
a = [item, item, 1]
print(sys.getrefcount(item))
b = a[:2]
print(sys.getrefcount(item), b[0] is item, b is a)
c = a[::-1]
print(sys.getrefcount(item))
del b
print(sys.getrefcount(item))
a[0:2] = []
print(sys.getrefcount(item), a)
