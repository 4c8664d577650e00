def nothing():
    pass


def something():
    return True


def something_else():
    return 'hello'


def this_thing(a):
    return a


def these_things(a, b):
    return (a, b)


def assign():
    a = 1


def assign_twice():
    a = 1
    b = 1


def assign_and_return():
    a = 1
    return a


print(nothing())
print(something())
print(something_else())
print(this_thing(42))
print(these_things(1, 'two'))
print(assign())
print(assign_twice())
print(assign_and_return())
