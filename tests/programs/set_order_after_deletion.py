# Tricky: iteration order follows the hash table: collisions, deletions, reuse of dummies.
s = {1, 9, 17, 25}
print(s)
s.discard(9)
print(s)
s.add(33)
print(s)
s.add(9)
print(s)
t = set()
for i in [100, 4, 64, 36, 8, 2]:
    t.add(i)
print(t)
big = set(range(0, 100, 7))
print(big)
for v in [0, 7, 14, 21]:
    big.discard(v)
big.add(1000)
print(big)
neg = set([5, 2**40, 2**61 + 3, 13, 21, -7])
print(neg)
