# Format-spec corners: precision without a type code switches to exponent
# form one digit early (CPython's Py_DTSF_ADD_DOT_0), '#' keeps the point,
# and the integer codes refuse what makes no sense for them.
cases = [
    (1.5, ".0"), (2.5, ".0"), (1.5, ".1"), (12.0, ".2"), (123.0, ".3"),
    (0.0001, ".2"), (99.0, ".2"), (9.99, ".2"), (1e300, "#"), (1e16, "#"),
    (1.0, "#"), (-0.0, "z"), (-0.0, "z.2"), (1e-5, "#.3"), (100.0, "#.0"),
    (65, "#c"), (5, "z"), (5, "zd"), (65, "+c"), (65, "c"), (5, ".2"),
    (255, "#_x"), (1234.5, ",.1f"), (-1.5, "08.2f"), (3, "%"), (2.5, "#.0f"),
    (1e22, ""), (1e22, ".16"), (float("inf"), "#"), (float("nan"), "z"),
    ("x", "z"), ("x", "#"), ("x", "="), (True, "c"), (True, ".2"),
]
for value, spec in cases:
    try:
        print(repr(value), repr(spec), repr(format(value, spec)))
    except (ValueError, TypeError) as error:
        print(repr(value), repr(spec), type(error).__name__, error)
print(f"{1.5:.0}|{12.0:.2}|{1e300:#}|{65:c}")
