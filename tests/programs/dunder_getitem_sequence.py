# Tricky: a class with only __getitem__ is iterable (the old sequence protocol):
# for, list(), in and unpacking call __getitem__(0), (1)... until IndexError.
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        print("getitem", i)
        if i >= self.n:
            raise IndexError(i)
        return i * i


for v in Squares(3):
    print("got", v)
print(list(Squares(2)))
print(4 in Squares(5), 5 in Squares(3))
a, b = Squares(2)
print(a, b, sum(Squares(4)))


class Broken:
    def __getitem__(self, i):
        raise KeyError(i)


try:
    for x in Broken():
        pass
except KeyError as e:
    print("KeyError", e)
