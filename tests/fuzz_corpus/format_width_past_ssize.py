# keys: G
# size: 100x30
# A format width past i64::MAX but within u64 used to slip past the memory
# check and abort on allocation; now "Too many decimal digits" as CPython.
for spec in ["9223372036854775807", "9223372036854775808", "18446744073709551615",
             "<.9223372036854775808", "x>18446744073709551615"]:
    for value in [1, 1.5, "s", 10**30]:
        try:
            print(len(format(value, spec)))
        except (ValueError, MemoryError) as e:
            print(type(e).__name__, e)
print(len(f"{1:{2**62}}") if False else "done")
