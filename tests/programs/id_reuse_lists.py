# A freed list's block is taken by the next list of the same size class.
a = [1, 2, 3]
first = id(a)
del a
b = [4, 5, 6]
print(id(b) == first)
c = [7]
print(id(c) == first)
