# sys.getsizeof differs by platform: compare sizes, never print them.
import sys

print(sys.getsizeof(1) == sys.getsizeof(2))
print(sys.getsizeof(True) == sys.getsizeof(1))
print(sys.getsizeof(0) < sys.getsizeof(1))
print(sys.getsizeof(2 ** 100) > sys.getsizeof(1))
print(sys.getsizeof("") < sys.getsizeof("abc"))
print(sys.getsizeof(()) < sys.getsizeof((1, 2)))
print(sys.getsizeof((1, 2)) == sys.getsizeof(("a", "b")))
print(sys.getsizeof("ab") - sys.getsizeof("a") == 1)
