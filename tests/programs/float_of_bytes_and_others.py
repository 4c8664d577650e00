# float() of bytes (their ASCII text) and CPython's TypeError for what is
# neither a string nor a real number.
for v in [[1], None, {}, (1,), 1j, int, b"1.5", bytearray(b" -2e3 "), b"x1", b"\xff", "1.5", True, b"1_0.5", b"inf"]:
    try:
        print(repr(v), float(v))
    except (TypeError, ValueError) as e:
        print(repr(v), type(e).__name__, e)
