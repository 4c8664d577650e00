# The global statement lets a function rebind a module-level name.
counter = 0


def increment():
    global counter
    counter = counter + 1


def read():
    return counter


for i in range(3):
    increment()
print(counter)
print(read())
