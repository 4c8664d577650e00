# str.join, bytes.join and bytearray.join of generator expressions and maps
words = ["alpha", "beta", "gamma"]
print(", ".join(w.upper() for w in words))
print("".join(str(x) for x in range(10)))
print("-".join(map(str, (n * n for n in range(5)))))
print(b"/".join(w.encode() for w in words))
print(bytearray(b"+").join(bytes([65 + i]) for i in range(3)))
print("|".join(w for w in words if "a" in w[1:]))
print(repr("".join(c for c in "")))
def pieces():
    yield "x"
    yield "y"
print("".join(pieces()), ":".join(pieces()))
