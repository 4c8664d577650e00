# Unary minus on small, large and computed ints.
a = 5
print(-a)
print(-(-a))
print(-0)
b = -a
print(b, -b)
print(- a - a)
print(-1000000 * 1000000)
big = 100000000000000000000
print(-big, -(-big))
print(-(a - 10))


def neg(x):
    return -x


print(neg(3), neg(-3), neg(0))
