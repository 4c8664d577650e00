# Small ints (-5..256) are shared; larger run-time ints are new objects.
a = 200
b = 100 + 100
print(a is b)
c = 300
d = 150 + 150
print(c == d)
m = 150
e = m + m
f = m + m
print(e == f, e is f)
n = 128
g = n + n
h = n + n
print(g is h)
k = -5
j = -5
print(k is j)
