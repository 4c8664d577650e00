a = 1000
b = a
t = (a, "x", (b, 2))
u = t
def f(x):
    y = x
    return y
z = f(t)
