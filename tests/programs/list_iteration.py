total = 0
for x in [1, 2, 3, 4]:
    total += x
print(total)
words = ['a', 'bb', 'ccc']
for w in words:
    print(w, len(w))
it = iter([10, 20])
for v in it:
    print(v)
for v in it:
    print("never")
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([], 10))
print(min([4, 2, 8]), max([4, 2, 8]))
