def f(a, b, *, key, flag=False):
    return (a, b, key, flag)


print(f(1, 2, key=3))
print(f(1, b=2, key=3, flag=True))
for attempt in range(5):
    try:
        if attempt == 0:
            f(1, 2)
        elif attempt == 1:
            f(1, 2, 3)
        elif attempt == 2:
            f(1, key=2)
        elif attempt == 3:
            f(1, 2, key=3, other=4)
        else:
            f(1, 2, a=1, key=3)
    except TypeError as e:
        print("TypeError:", e)


def g(x, y=2, /, z=3):
    return x + y + z


print(g(1), g(1, 10), g(1, z=100))
g(x=1)
