# Tricky: __eq__ returning NotImplemented falls back to the other side, then identity.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        print("Money.__eq__", type(other).__name__)
        if isinstance(other, Money):
            return self.cents == other.cents
        return NotImplemented


class Coin:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        print("Coin.__eq__", type(other).__name__)
        return self.cents == other.cents


m = Money(5)
print(m == Money(5))
print(m == Coin(5))
print(m == 5)
print(m != 5)
print(5 == m)
print(m == m)
print([m] == [Money(5)])
print(m in [1, 2, Money(5)])
