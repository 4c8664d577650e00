# Small ints (-5 to 256) are made once, at start-up, and shared by everyone.
print(id(100) == id(100))
a = 100
b = 100
print(a is b)

# The lecture's id(1000000000) twice: in CPython 3.14 both are the same
# constant of this module, so the ids are equal after all.
print(id(1000000000) == id(1000000000))

# Ints computed at run time are new objects, one each time.
n = 1000
c = n * 1000000
d = n * 1000000
print(c == d)
print(c is d)

# A value nobody refers to is freed at once, and the next int of its size
# reuses its block: the two ids are equal although the objects were different.
print(id(n * 1000000) == id(n * 1000000))
