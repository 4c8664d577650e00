# join of a generator yielding a non-str: CPython gathers all items first
# (PySequence_Fast), so every print in the generator runs before the error
def mixed():
    print("yield a")
    yield "a"
    print("yield 1")
    yield 1
    print("yield c")
    yield "c"
    print("done")

try:
    "".join(mixed())
except TypeError as e:
    print("TypeError:", e)
try:
    b"".join(x for x in [b"a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(" ".join(mixed()))
