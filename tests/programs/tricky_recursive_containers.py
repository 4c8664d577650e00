# Tricky: self-referencing containers print as [...] and {...}.
a = []
b = [a]
a.append(b)
print(a)
d = {}
d['self'] = d
print(d)
x = [1] * 10
print(x * 3 == x + x + x)
def f(*a, **k):
    return f(*a, **k)
try:
    f(1, x=2)
except RecursionError:
    print("deep")
e = [[]]
e[0].append(e)
print(e == e)
