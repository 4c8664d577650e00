# Unpacking a generator, and *generator in list displays and calls.
def tens(n):
    for i in range(n):
        yield i * 10


a, b = tens(2)
print(a, b)
print([*tens(3)], [0, *tens(2), 99])
print(*tens(4))
print(*tens(0), "end")


def endless():
    i = 0
    while True:
        print("making", i)
        yield i
        i += 1


try:
    x, y = endless()
except ValueError as error:
    print("ValueError:", error)
try:
    x, y, z = tens(2)
except ValueError as error:
    print("ValueError:", error)


def count(*args):
    return len(args)


print(count(*tens(5)), count(*(c for c in "abc")))
