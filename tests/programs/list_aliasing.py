# The lecture's aliasing example: two names, one list.
a = [1, 2]
b = a
b.append(3)
print(a)
print(b)
print(a is b, a == b)
c = [1, 2, 3]
print(a == c, a is c)
