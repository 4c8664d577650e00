# gc.collect() frees unreachable cycles and says how many objects it found.
import gc
import sys

gc.collect()  # start from no garbage (the interpreter's own start-up leaves some)

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


a = Node("a")
b = Node("b")
a.other = b
b.other = a
print(sys.getrefcount(a), sys.getrefcount(b))
del a, b
print(gc.collect())
items = []
items.append(items)
print(sys.getrefcount(items))
del items
print(gc.collect())
print(gc.collect())
d = {}
d["self"] = d
d = None
print(gc.collect())
