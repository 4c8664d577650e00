# list_resize's over-allocation: sizes change only at 0, 4, 8, 16, 24, 32...
import sys
xs = []
sizes = []
for i in range(30):
    xs.append(i)
    sizes.append(sys.getsizeof(xs))
print(sizes == sorted(sizes))
previous = 0
for n in range(30):
    if sizes[n] != previous:
        print(n + 1, "items")
        previous = sizes[n]
