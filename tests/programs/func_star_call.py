def add(a, b, c=0):
    return a + b + c


args = [1, 2]
print(add(*args))
print(add(*args, c=3))
opts = {"b": 10, "c": 20}
print(add(1, **opts))
print(add(*(1, 2, 3)))
