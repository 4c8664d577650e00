# math.fsum, math.prod, bytes(), bytearray() and tuple() of Python-level iterators
import math

def gen(values):
    for v in values:
        yield v

print(math.fsum(gen([0.1] * 10)), math.prod(gen([1, 2, 3, 4])))
print(math.prod(map(lambda x: x + 1, range(5))), math.fsum(x / 3 for x in range(4)))
print(bytes(gen([104, 105])), bytearray(map(lambda c: c + 1, b"HAL")))
print(tuple(x * x for x in range(4)), tuple(gen([])))
try:
    bytes(gen([65, 300]))
except ValueError as e:
    print("ValueError:", e)
try:
    bytes(gen([65, "x"]))
except TypeError as e:
    print("TypeError:", e)
def noisy():
    yield 1.5
    print("bad item next")
    yield "x"
    print("resumed after the bad item")
    yield 2
for consume in (math.fsum, math.prod):
    g = noisy()
    try:
        consume(g)
    except TypeError as e:
        print("TypeError:", e)
    print(list(g))
