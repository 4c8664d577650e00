# round (banker's rounding), pow (three arguments too), hash of built-in values.
print(round(2.5), round(3.5), round(-0.5), round(0.5))
print(round(2.675, 2), round(1234.5678, -2), round(7, -1), round(15, -1), round(25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-2, 3), pow(2.0, 3))
print(pow(7, -1, 11))
# (The oracle is 32-bit: only hashes that agree with 64-bit CPython are printed.)
print(hash(1), hash(-1), hash(-2), hash(True), hash(0), hash(1.0), hash(-7.0), hash(12345))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash(("a",)) == hash(("a",)))
print(hash(1.5) == hash(1.5), hash(2.0) == hash(2), hash(10**20) == hash(10**20 + 0))
print(hash(float("inf")), hash(float("-inf")))
try:
    hash([1])
except TypeError as error:
    print("TypeError:", error)
try:
    pow(2, -1, 4)
except ValueError as error:
    print("ValueError:", error)
print(round(-2.5), round(1e300), round(0.1 + 0.2, 10))
