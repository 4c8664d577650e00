# Truth: __bool__ first, then __len__; errors for bad return types.
class Empty:
    def __len__(self):
        return 0


class Yes:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


class Weird:
    def __bool__(self):
        return 1


print(bool(Empty()), bool(Yes()), not Empty())
if Empty() or Yes():
    print("or works")
print([type(x).__name__ for x in [Empty(), Yes(), Empty()] if x])
try:
    bool(Weird())
except TypeError as e:
    print(e)


class NegLen:
    def __len__(self):
        return -1


try:
    len(NegLen())
except ValueError as e:
    print(e)
