# dis-only
# Lambdas stored in names, passed as arguments, and with defaults.
square = lambda x: x * x
add = lambda a, b=1: a + b


def apply(f, v):
    return f(v)


print(square(4), add(2), add(2, 3), apply(lambda s: s + "!", "hi"))
