import sys
items = ["alpha-item", "beta-item"]
for item in items:
    print(sys.getrefcount(item))
print(sys.getrefcount(item))
del items
print(sys.getrefcount(item))
