# bool's & | ^ give bools at run time too (not only when folded as constants).
a, b = True, False
print(a & b, a | b, a ^ b, a ^ a, a & 1, b | 2, -a, a + a)
flags = [True, False, True]
acc = True
for f in flags:
    acc &= f
print(acc, type(acc).__name__)
seen = False
for f in flags:
    seen |= f
print(seen, type(seen).__name__)
print(True.__and__(False), True.__or__(0), False.__xor__(True), (True).__rand__(True))
print(sum(flags), max(flags), flags.count(True))
