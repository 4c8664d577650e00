# f-strings with format specs, nested specs and !r/!s/!a conversions.
name = "Ada"
price = 1234.5
count = 42
width = 8
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"[{name:>{width}}] [{name:<{width}}] [{name:^{width}}]")
print(f"{price:,.2f} {price:.1e} {price:g} {price:%} {count:08b} {count:#x} {count:+}")
print(f"{-price:=+12.1f}|{price:012.3f}|{count:_}|{10**8:_d}")
print(f"{0.1 + 0.2} {0.1 + 0.2:.17g} {1/3:.3} {2.0:.3} {1e300 * 10} {-0.0:z.1f}")
print(f"{True} {True:d} {True:>5} {None!r:>6} {[1, 'a']!r}")
print(f"{3.0:g} {1234567.0:g} {0.00001234:g} {123.456:.2g} {5:.2f} {7:e}")
text = f"{name}"
print(text is name, f"{name:}" is name, f"{name:3}" is name)
try:
    print(f"{name:d}")
except ValueError as error:
    print("ValueError:", error)
try:
    print(f"{count:s}")
except ValueError as error:
    print("ValueError:", error)
try:
    print(f"{[1]:>5}")
except TypeError as error:
    print("TypeError:", error)
