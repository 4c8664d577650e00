a = [1, 2]
b = [1, 2]
print(a == b, a is b)
c = a
c += [3]
print(a, a is c)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
x = 256
y = 256
print(x is y)
print(None is None, [] is [], tuple() is tuple())
