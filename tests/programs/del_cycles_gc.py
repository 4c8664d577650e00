# __del__ of objects in unreachable cycles runs when gc.collect() finds them
import gc
gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("__del__", self.name, "other is", self.other.name if self.other else None)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("the pair is unreachable")
n = gc.collect()
print("gc.collect() found", n)
print("second collect", gc.collect())

class Phoenix:
    alive = []
    def __init__(self):
        self.me = self
    def __del__(self):
        print("rising from the cycle")
        Phoenix.alive.append(self)

Phoenix()
print("collect with a resurrection", gc.collect() > 0)
print(len(Phoenix.alive))
Phoenix.alive[0].me = None
Phoenix.alive.clear()
print("dropped again: no second __del__")
print(gc.collect())
