# str.format and printf-style % formatting.
name, n, price = "widget", 3, 4.5
print("{} x {} = {}".format(name, n, n * price))
print("{0}{1}{0}".format("ab", "-"), "{x}/{y}".format(x=1, y=2), "{{literal}} {}".format(7))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"), "{:05.2f}".format(3.14159), "{!r}".format("q"))
print("%s has %d items at %.2f" % (name, n, price))
print("%5s|%-5s|%05d|%x|%o|%e" % ("a", "b", 42, 255, 8, 12345.678))
print("%(a)s and %(b)r" % {"a": 1, "b": "two"}, "100%% sure", "%c" % 65 if False else "%s" % [1, 2])
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)


class P:
    def __str__(self):
        return "P!"

    def __repr__(self):
        return "<P>"


print("%s %r" % (P(), P()), "{} {!r}".format(P(), P()), f"{P()} {P()!r}")
