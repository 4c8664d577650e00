# A class statement naming the same base twice: CPython's "duplicate base
# class" error comes before any MRO is worked out (also for built-in types).
class A:
    pass


class B(A):
    pass


for bases in [(A, B.__base__), (int, int), (B, A, B)]:
    try:
        type("C", bases, {})
    except TypeError as e:
        print(e)
try:
    class C(A, B.__base__):
        __slots__ = ()
except TypeError as e:
    print("statement:", e)


class D(A, B.__base__):
    pass
