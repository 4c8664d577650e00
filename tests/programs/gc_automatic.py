# CPython 3.14's automatic collection: gc.get_threshold(), enable/disable,
# set_threshold; a cycle left behind while allocating is still there after
# one threshold's worth of allocations (the first increment only marks)
import gc

gc.collect()
print(gc.get_threshold())
print(gc.isenabled())

class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("collected", self.name)

Node("first cycle")
print("cycle made; allocating")
junk = []
for i in range(3000):
    junk.append([i])
print("after the allocations")
junk = None
gc.disable()
print(gc.isenabled())
Node("second cycle")
for i in range(3000):
    junk = [i]
print("disabled: nothing collected yet")
gc.enable()
print("collect:", gc.collect())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 0)
print(gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
