class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def make(self):
        def apply(x):
            return x * self.factor
        return apply


double = Multiplier(2).make()
triple = Multiplier(3).make()
print(double(5), triple(5), [double(i) for i in range(3)])
