# Tricky: C3 linearization of a diamond; the first class in the MRO wins.
class A:
    def who(self):
        return "A"

    def only_a(self):
        return "only in A"


class B(A):
    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C"


class D(B, C):
    pass


d = D()
print(d.who(), d.only_a())
print([k.__name__ for k in [D, B, C, A]])
print(isinstance(d, A), isinstance(d, C), isinstance(B(), C))
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
