# int(text, base): prefixes, underscores, signs, base 0, and CPython's errors.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0x_ff", 16), int("777", 8), int("0o17", 8))
print(int("1010", 2), int("0b1010", 2), int("zz", 36), int("  -42  ", 10), int("+7", 0), int("1_000_000", 10))
print(int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("0", 0), int("00", 0), int("123", 0))
print(int("ff", base=16), int(b"ff", 16), int(bytearray(b"11"), 2), int("9" * 30, 10))
for text, base in [("12", 2), ("0x", 16), ("1__0", 10), ("_1", 10), ("010", 0), ("", 10), ("ff", 10), ("0b2", 0), ("1 2", 10)]:
    try:
        int(text, base)
    except ValueError as e:
        print("ValueError:", e)
for args in [("1", 1), ("1", 37), ("1", -1)]:
    try:
        int(*args)
    except ValueError as e:
        print("ValueError:", e)
for args in [(12, 10), (1.5, 10), ("1", "2"), ("1", 2.0)]:
    try:
        int(*args)
    except TypeError as e:
        print("TypeError:", e)
