def swap(p, q):
    p, q = q, p
    return p


def total(t):
    s = 0
    for x in t:
        s = s + x
    return s


def forget(n):
    m = n * 2
    del m
    return n


def same(t):
    u = t; return u


x = 5
y = ~x
print(swap(1, 2), total((1, 2)), forget(3), same(1000), y)
