counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(counter)


def outer():
    level = "outer"

    def middle():
        nonlocal level
        level = "changed by middle"

        def inner():
            return level

        return inner()

    result = middle()
    return level, result


print(outer())
