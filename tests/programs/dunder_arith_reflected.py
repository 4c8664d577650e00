# Tricky: reflected and in-place operators, and the subclass's reflected method first.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print("Num.__add__")
        if isinstance(other, Num):
            return Num(self.v + other.v)
        if isinstance(other, int):
            return Num(self.v + other)
        return NotImplemented

    def __radd__(self, other):
        print("Num.__radd__")
        return Num(other + self.v)

    def __sub__(self, other):
        return Num(self.v - other.v)

    def __neg__(self):
        return Num(-self.v)

    def __repr__(self):
        return f"Num({self.v})"


class Sub(Num):
    def __radd__(self, other):
        print("Sub.__radd__")
        return Sub(other.v * 100 + self.v)


print(Num(1) + Num(2))
print(Num(1) + 5)
print(5 + Num(1))
print(Num(1) + Sub(2))
print(-Num(3), Num(5) - Num(2))
x = Num(10)
x += 1
print(x)
print(sum([Num(1), Num(2)], Num(0)))
try:
    Num(1) + "s"
except TypeError as e:
    print(e)
try:
    Num(1) * 2
except TypeError as e:
    print(e)
