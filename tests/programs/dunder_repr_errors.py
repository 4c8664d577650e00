# Tricky: __repr__ returning a non-string, and raising inside repr of a list.
class Bad:
    def __repr__(self):
        return 42


class Boom:
    def __repr__(self):
        raise ValueError("no repr for you")


try:
    print(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    repr([1, Boom(), 3])
except ValueError as e:
    print("ValueError:", e)
print([Bad] == [Bad])
print(repr([Boom()]))
