# Which cycles gc.collect() frees, and what it counts: reachable cycles stay,
# a tuple in a cycle counts, and what a cycle held is freed with it.
import gc
import sys

gc.collect()  # start from no garbage (the interpreter's own start-up leaves some)
kept = []
kept.append(kept)
print(gc.collect(), len(kept), sys.getrefcount(kept))
t = ([],)
t[0].append(t)
t = None
print(gc.collect())


class Node:
    def __init__(self, label):
        self.label = label
        self.children = []


root = Node("root " * 3)
root.children.append(root)
label_holder = [root.label]
root = None
print(gc.collect(), label_holder)
pair = [{"n": 1}, None]
pair[1] = pair
alias = pair[0]
del pair
print(gc.collect(), alias)
ring = [[], [], []]
ring[0].append(ring[1])
ring[1].append(ring[2])
ring[2].append(ring[0])
first = ring[0]
ring = None
print(gc.collect(), len(first), gc.collect())
del first
print(gc.collect())
