# dis-only
# A closure that rebinds a variable of its enclosing function with nonlocal.
def make_counter():
    count = 0

    def increment():
        nonlocal count
        count = count + 1
        return count

    return increment


c = make_counter()
c()
print(c(), c.__closure__ is not None)
