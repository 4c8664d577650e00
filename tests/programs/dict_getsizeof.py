# Table sizes grow at 5, 10, 21... entries; 64-bit figures are not printed
# (the oracle is 32-bit): only where they change.
import sys
d = {}
last = sys.getsizeof(d)
print(len(d), 'empty')
for i in range(25):
    d['k' + str(i)] = i
    size = sys.getsizeof(d)
    if size != last:
        print(len(d), 'grew')
        last = size
