# gc.get_referrers of a class: its __mro__ tuple, the getset descriptors in
# its dict, subclasses (their __base__, __bases__ and __mro__) and instances.
import gc
import sys

gc.collect()


def referrer_types(obj):
    return sorted(type(r).__name__ for r in gc.get_referrers(obj))


def show():
    class A:
        pass

    print("A", referrer_types(A), sys.getrefcount(A))

    class B(A):
        __slots__ = ("v",)

    print("A with B", referrer_types(A))
    print("B", referrer_types(B))
    a = A()
    print("A with an instance", referrer_types(A), sys.getrefcount(A))
    mro = B.__mro__
    print("B.__mro__", referrer_types(mro), mro is B.__mro__)
    print("A.__dict__ dict", len(gc.get_referrers(B.__bases__)))
    del a, mro
    return A, B


A, B = show()
print(sys.getrefcount(A), sys.getrefcount(B))
del A
print(gc.collect())
del B
print(gc.collect())
