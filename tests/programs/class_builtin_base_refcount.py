# Subclasses of built-in types get the __dict__/__weakref__ descriptors
# their base lacks: list both, int and tuple only __dict__, exceptions only
# __weakref__.
import sys


class L(list):
    pass


class D(dict):
    pass


class I(int):
    pass


class T(tuple):
    pass


class S(str):
    pass


class F(float):
    pass


class E(Exception):
    pass


class E2(E):
    pass


for cls in (L, D, I, T, S, F, E, E2):
    print(cls.__name__, sys.getrefcount(cls) - 1, sorted(k for k in vars(cls) if k.startswith("__w") or k == "__dict__"))
print(L.__base__, I.__base__, E2.__base__)
print(L.__bases__, E2.__mro__)
print(sys.getrefcount(E))
