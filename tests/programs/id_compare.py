# Compare ids with == (their values differ by platform, so never print them).
a = 256
b = 256
print(id(a) == id(b))
x = 1000
c = x * 1000
d = x * 1000
print(c == d, id(c) == id(d))
s = "a" + str(x)
t = s
print(id(s) == id(t))
print(id(None) == id(None))
print(id(True) == id(1 < 2))


def same(p, q):
    return id(p) == id(q)


print(same(c, c), same(c, d))
