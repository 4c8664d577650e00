import sys

# Even True and False are full objects: 28 bytes each on 64-bit CPython.
print(sys.getsizeof(True))
print(sys.getsizeof(False))
print(sys.getsizeof(1))
print(sys.getsizeof(None))
print(sys.getsizeof("hello"))
print(sys.getsizeof(10 ** 20))
# The bool class itself is an object too.
print(sys.getsizeof(bool))
