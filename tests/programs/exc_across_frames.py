def inner(n):
    if n == 0:
        raise ValueError("bottom reached")
    return inner(n - 1)


def outer():
    try:
        inner(3)
    except ValueError as e:
        print("outer caught", e)
        return "recovered"


print(outer())
inner(2)
