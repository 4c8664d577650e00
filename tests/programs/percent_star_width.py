# printf-style '*' widths and precisions take the next argument, as in a
# table of aligned columns.
rows = [("apple", 3, 0.5), ("kiwi", 12, 1.25), ("fig", 7, 10.0)]
width = max(len(name) for name, _, _ in rows)
for name, count, price in rows:
    print("%-*s|%*d|%.*f" % (width, name, 4, count, 2, price))

print("[%*s]" % (-6, "left"))
print("[%*s]" % (6, "right"))
print("[%-*d]" % (5, 42))
print("[%.*s]" % (3, "truncate"))
print("[%*.*f]" % (10, 3, 3.14159))
print("[%.*f]" % (-2, 2.5))
print("[%*s]" % (True, "x"))
print("[%0*d]" % (5, 42))
print("[%+*d]" % (6, 7))


def attempt(label, template, values):
    try:
        print(label, repr(template % values))
    except (TypeError, ValueError, OverflowError) as error:
        print(label, type(error).__name__, error)


attempt("float width", "%*d", (2.0, 5))
attempt("str width", "%*d", ("3", 5))
attempt("missing value", "%*d", (3,))
attempt("missing width", "%*d", ())
attempt("huge width", "%*d", (2**70, 1))
attempt("star precision str", "%.*f", ("2", 1.0))
attempt("too many", "%*d", (1, 2, 3))
print("%*d" % (3.5, 1))
