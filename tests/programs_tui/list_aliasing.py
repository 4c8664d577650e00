# The lecture's aliasing example: two names, one list.
a = [1, 2]
b = a
b.append(3)
print(a)
