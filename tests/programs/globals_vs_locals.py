# A local name shadows a global one of the same name.
x = "global x"
y = "global y"


def f():
    x = "local x"
    print(x)
    print(y)


def g(y):
    print(x)
    print(y)


f()
g("parameter y")
print(x)
print(y)
