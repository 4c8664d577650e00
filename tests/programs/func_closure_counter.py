def make_counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    return increment


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())


def make_adder(n):
    return lambda x: x + n


add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
