class Countdown:
    def __init__(self, n):
        self.n = n

    def __reversed__(self):
        return iter(range(1, self.n + 1))

    def __iter__(self):
        return iter(range(self.n, 0, -1))

c = Countdown(3)
print(list(c), list(reversed(c)))

class NotReversible:
    __reversed__ = None

try:
    reversed(NotReversible())
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(object)
except TypeError as e:
    print("TypeError:", e)

class Vec:
    def __init__(self, x):
        self.x = x

    def __divmod__(self, other):
        return ('divmod', self.x, other)

    def __rdivmod__(self, other):
        return ('rdivmod', other, self.x)

    def __repr__(self):
        return f"Vec({self.x})"

print(divmod(Vec(7), 2))
print(divmod(5, Vec(3)))
try:
    divmod(object(), Vec(1)) if False else divmod(Countdown(1), 2)
except TypeError as e:
    print("TypeError:", e)

class Custom:
    def __dir__(self):
        return ['zeta', 'alpha', 'mid']

print(dir(Custom()))

class Generic:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"

print(Generic[int])
try:
    Countdown[int]
except TypeError as e:
    print("TypeError:", e)

class Meta:
    def __instancecheck__(self, obj):
        return True

print(isinstance(5, Meta))
