class Strict(int):
    pass


class Picky:
    def __new__(cls, value):
        if value < 0:
            raise ValueError(f"negative: {value}")
        return super().__new__(cls)


class BadInit:
    def __new__(cls, value):
        return super().__new__(cls)

    def __init__(self, value):
        return value


class Meta(type):
    def __call__(cls, *args):
        if len(args) > 1:
            raise TypeError(f"{cls.__name__} takes one argument")
        return super().__call__(*args)


class One(metaclass=Meta):
    def __init__(self, x):
        self.x = x


for label, call in [
    ("int base", lambda: list(map(Strict, ["1", "x"]))),
    ("picky", lambda: sorted([1, -2], key=Picky)),
    ("bad init", lambda: list(map(BadInit, [1]))),
    ("meta call", lambda: list(map(One, [1], [2]))),
    ("no args", lambda: list(map(object, [1]))),
]:
    try:
        print(label, call())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)

print([o.x for o in map(One, [4, 5])])
print(min(map(Picky, [3, -1])))
