# Calls inside calls: the frames stack up and unwind.
def add(a, b):
    return a + b


def double(n):
    return add(n, n)


def quadruple(n):
    return double(double(n))


def compute(a, b):
    return add(quadruple(a), double(b))


print(add(1, 2))
print(double(21))
print(quadruple(5))
print(compute(3, 4))
print(add(add(1, 2), add(3, add(4, 5))))
