# A set holds one reference per member; removing a member drops it.
import sys

item = (1, "one")
s = {item, (2, "two")}
print(sys.getrefcount(item))
t = set(s)
print(sys.getrefcount(item))
s.discard(item)
print(sys.getrefcount(item))
t.clear()
print(sys.getrefcount(item))
u = {item} | {item}
print(sys.getrefcount(item), len(u))
