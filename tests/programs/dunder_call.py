# Instances with __call__ are callable; callable() knows.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, scale=1):
        return (x + self.n) * scale


add5 = Adder(5)
print(add5(1), add5(2, scale=10))
print(callable(add5), callable(Adder), callable(3))
print([add5(v) for v in [1, 2]])
print(sorted([3, 1, 2], key=add5))
