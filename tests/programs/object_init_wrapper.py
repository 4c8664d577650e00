# object.__init__ and friends called explicitly, as classes written before
# super() was common do it (and as a __setattr__ hook must).
class A:
    def __init__(self, x):
        object.__init__(self)
        self.x = x

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __repr__(self):
        return "A(" + str(self.x) + ") " + object.__repr__(self).split(" object")[0]


a = A(21)
print(a.x, a)
print(object.__init__, type(object.__init__).__name__)
print(object.__eq__(a, a), object.__eq__(a, 1), object.__hash__(a) == hash(a))
for args in ((), (a, 1)):
    try:
        object.__init__(*args)
    except TypeError as e:
        print("TypeError:", e)
