import math

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __int__(self):
        return self.cents // 100

    def __float__(self):
        return self.cents / 100

    def __round__(self, ndigits=None):
        print("round", ndigits)
        if ndigits is None:
            return round(self.cents / 100)
        return round(self.cents / 100, ndigits)

    def __trunc__(self):
        return 'trunc'

    def __floor__(self):
        return 'floor'

    def __ceil__(self):
        return 'ceil'

m = Money(1999)
print(int(m), float(m))
print(round(m), round(m, 1))
print(math.trunc(m), math.floor(m), math.ceil(m))

class OnlyFloat:
    def __float__(self):
        return 2.5

o = OnlyFloat()
print(math.floor(o), math.ceil(o))
try:
    math.trunc(o)
except TypeError as e:
    print("TypeError:", e)
try:
    round(o)
except TypeError as e:
    print("TypeError:", e)
try:
    int(o)
except TypeError as e:
    print("TypeError:", e)

class BadInt:
    def __int__(self):
        return 1.5

    def __float__(self):
        return 1

try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
try:
    float(BadInt())
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass

try:
    float(Plain())
except TypeError as e:
    print("TypeError:", e)
try:
    math.floor(Plain())
except TypeError as e:
    print("TypeError:", e)
