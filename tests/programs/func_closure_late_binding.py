# Tricky: closures see the variable, not the value it had when made.
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])


def outer():
    x = "before"

    def show():
        return x

    x = "after"
    return show


print(outer()())


def unbound():
    def inner():
        return y

    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    y = 1
    return inner()


print(unbound())
