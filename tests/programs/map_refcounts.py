# references held by map and filter objects, and by the items they pass on
import sys

data = [[1], [2], [3]]
f = lambda item: item
m = map(f, data)
print(sys.getrefcount(f), sys.getrefcount(data))
first = next(m)
print(first is data[0], sys.getrefcount(data[0]))
del m
print(sys.getrefcount(f), sys.getrefcount(data))
keep = filter(None, data)
print(sys.getrefcount(data))
inside = list(map(lambda x: sys.getrefcount(x), data))
print(inside)
del keep
print(sys.getrefcount(data))
counts = []
for x in map(lambda v: v, data):
    counts.append(sys.getrefcount(x))
print(counts)
print(type(map).__name__, map.__name__, filter.__name__)
print(isinstance(map(len, []), map), isinstance(filter(None, []), filter))
