def f(a, b):
    return a + b

t = 0
for i in range(3):
    t = f(t, i)
