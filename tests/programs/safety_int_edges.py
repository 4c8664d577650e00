# Edge cases that once crashed bytestep: the most negative 64-bit int by -1,
# powers of 0, 1 and -1 with huge exponents, and identical deep tuples.
m = -2 ** 63
print(m % -1, m // -1, -m)
e = 10 ** 30
print(0 ** e, 1 ** e, (-1) ** (e + 1))
print(len(str(2 ** 14000)))
t = ()
for i in range(1200):
    t = (t,)
print(t == t, t in (t,), t != t)
