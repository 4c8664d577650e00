class Stack(list):
    def __repr__(self):
        return f"Stack({super().__repr__()})"

s = Stack([1, 2])
print(s, repr(s), [s, s], f"{s}", str(s))
print({'k': s}, (s,))

class Pretty(dict):
    def __str__(self):
        return ', '.join([f"{k}={v}" for k, v in self.items()])

p = Pretty(a=1, b=2)
print(p)
print(repr(p), [p])
print(f"{p!r} / {p!s}")

class Nested(list):
    def __repr__(self):
        return 'N' + super().__repr__()

n = Nested([Stack([3]), Nested([4])])
print(n)

class Bad(list):
    def __repr__(self):
        return 42

try:
    repr(Bad())
except TypeError as e:
    print("TypeError:", e)
