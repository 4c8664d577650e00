# float() of strings: spaces, underscores, inf and nan; ints to floats.
for text in ["1.5", " 2.25 ", "1_000.5", "1e3", "-.5", "5.", "+inf", "-Infinity", "nan", "1E-3"]:
    print(repr(text), float(text))
print(float(10**20), float(True), float(), float(-7))
for bad in ["", "abc", "1__0", "_1", "1.2.3", "--1", "0x10"]:
    try:
        float(bad)
    except ValueError as error:
        print("ValueError:", error)
try:
    float(10**400)
except OverflowError as error:
    print("OverflowError:", error)
