# A width or precision past Py_ssize_t is "Too many decimal digits"; one
# just below it is a MemoryError (never an abort).
for spec in ["9223372036854775808", "<9223372036854775808", ".9223372036854775808",
             "99999999999999999999999", "x^18446744073709551616", "018446744073709551615"]:
    for value in [1, 1.5, "s"]:
        try:
            print(len(format(value, spec)))
        except (ValueError, MemoryError) as e:
            print(spec, type(e).__name__, e)
