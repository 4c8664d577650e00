print((255).bit_length(), (-5).bit_count() if hasattr(int, "bit_count") else 0)
print((2.5).is_integer(), (0.75).as_integer_ratio(), (7).as_integer_ratio())
print("42".zfill(5), "-42".zfill(5), "a\tb".expandtabs(4), "Straße".casefold(), "prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"))
print("{name}-{n:03}".format_map({"name": "id", "n": 7}))
print("%(a)s and %(b)05.1f" % {"a": "x", "b": 2.25}, "%-5s|%5s|" % ("l", "r"), "%c%c" % (72, "i"), "%x %o %e %g %%" % (255, 8, 12345.678, 0.00001234))
xs = [5, 1, 4]
xs.insert(1, 9); xs.insert(-1, 7); xs.insert(100, 0)
print(xs, xs.index(4), xs.count(9), xs.pop(), xs.pop(0), xs)
xs.remove(9); xs.extend("ab"); xs += (1,)
print(xs, xs.copy() is xs, xs[::-2])
xs[1:3] = [10, 20, 30]
del xs[::2]
print(xs)
xs.clear()
print(xs, [1, 2] * 2, [[]] * 2, (1,) * 3, "ab" * 0)
nums = [3, -1, 4, -1, 5, -9]
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda x: (x % 2, -x), reverse=True)
print(nums)
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t[1:], t + (4,), len(t), min(t), tuple(reversed(t)))
b = bytes([104, 105]) + b"!"
print(b, b.decode(), b.hex(), bytes.fromhex("4142"), b[0], b[-1:], list(b), b.upper(), bytearray(b"ab").upper())
print(int("  12  "), int("0b101", 0), int("1_000"), float(" -1.5e3 "), float("inf"), float("-nan"), complex(1, -2))
for bad in ["", "1.5", "0x", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
print(1 if [] else 2, "yes" if "0" else "no", 1 < 2 == 2 > 1, (1, 2) < (1, 3), [1, 2] < [1, 2, 0], "a" < "B")
i = 0
while i < 3:
    i += 1
else:
    print("while else", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
print(i, list(range(10, 0, -3)), range(5)[1:3], len(range(0, 100, 7)), 21 in range(0, 100, 7))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to.__defaults__)
print(sorted({"b": 2, "a": 1}.items()), list({"b": 2, "a": 1}), dict.fromkeys("ab", 0), {**{"a": 1}, "b": 2})
print(abs(-2.5), divmod(7.5, 2), pow(2, -1), pow(2, 0.5), 7 // 0.5, -0.0, 0.0 == -0.0, float("1e400"), 10 ** 20 / 3)
print(hash(1) == hash(1.0) == hash(True), hash("") , hash(()) == hash(()), id(None) == id(None))
print(str(123), repr("x"), str(b"x"), str(1.0), str(1e-5), str(123456789012345678.0), str(0.1 + 0.7), 1e15, 1e16)
print(list(enumerate(["a", "b"], 10)), list(zip([1, 2], "ab", (True, False))), all(x for x in []), any([]))
print(sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []), max("hello"), min([3, 1], default=0), max([], default=None))
print(isinstance(True, int), isinstance(1, (str, float)), type(1) is int, type(True).__name__, bool.__mro__)
print(chr(0x1F600), len("😀"), "😀".encode(), "é".encode("latin-1"), "%.3s" % "abcdef", f"{'x'!r:>5}", f"{3.0:g}", f"{1000000:_}")
