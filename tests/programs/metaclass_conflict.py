class MetaA(type):
    pass


class MetaB(type):
    pass


class A(metaclass=MetaA):
    pass


class B(metaclass=MetaB):
    pass


try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


class MetaAB(MetaA, MetaB):
    pass


class D(A, B, metaclass=MetaAB):
    pass


print(type(D).__name__, [k.__name__ for k in type(D).__mro__])


class E(A, metaclass=type):
    pass


print(type(E).__name__)

try:
    class F(metaclass=MetaB):
        pass

    class G(F, A):
        pass
except TypeError as e:
    print("TypeError:", e)

X = MetaA("X", (A,), {"v": 5})
print(type(X).__name__, X.v, X.__mro__)
class H(B, metaclass=MetaA):
    pass
