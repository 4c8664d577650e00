# classmethod gets the class (even through an instance or a subclass); staticmethod gets nothing.
class Temperature:
    scale = "C"

    def __init__(self, degrees):
        self.degrees = degrees

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)

    @staticmethod
    def valid(d):
        return d > -273

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"


class Kelvin(Temperature):
    scale = "K"


t = Temperature.from_f(212)
print(type(t).__name__, t.degrees)
k = Kelvin.from_f(32)
print(type(k).__name__, k.degrees)
print(Temperature.valid(-300), t.valid(20))
print(Temperature.describe(), k.describe())
f = Kelvin.describe
print(f())
