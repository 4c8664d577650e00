# Freed objects' blocks come back for the next object of their own kind
# (CPython 3.14's per-type free lists), not for another type of that size.
n = 1000
f = n / 7
old_float = id(f)
del f
i = n * 3
print("int reuses the float's id:", id(i) == old_float)
g = n / 3
print("the next float does:", id(g) == old_float)
t = (n, i)
old_pair = id(t)
del t
triple = (n, n, n)
print("a 3-tuple reuses a 2-tuple's id:", id(triple) == old_pair)
pair = (i, n)
print("the next 2-tuple does:", id(pair) == old_pair)
items = [n]
old_list = id(items)
del items
table = {}
print("a dict reuses a list's id:", id(table) == old_list)
other = []
print("the next list does:", id(other) == old_list)


class C:
    def method(self):
        return 1


obj = C()
bound = obj.method
old_method = id(bound)
del bound
print("a new bound method reuses it:", id(obj.method) == old_method)
