import gc
import sys

gc.collect()  # start from no garbage (the interpreter start-up leaves some)


class Meta(type):
    def hello(cls):
        return cls.__name__


print(sys.getrefcount(Meta))


class A(metaclass=Meta):
    pass


print(sys.getrefcount(Meta), sys.getrefcount(A))


class B(A):
    pass


print(sys.getrefcount(Meta), sys.getrefcount(A), sys.getrefcount(B))
b = B()
print(sys.getrefcount(B), B.hello(), type(B) is Meta)
del b
del B
print(sys.getrefcount(Meta), sys.getrefcount(A))
print(gc.collect())
print(sys.getrefcount(Meta), sys.getrefcount(A))
C = Meta("C", (A,), {"x": 1})
print(sys.getrefcount(Meta), sys.getrefcount(C), C.x, C.hello())
del C
print(gc.collect(), sys.getrefcount(Meta))
del A
print(gc.collect(), sys.getrefcount(Meta))
