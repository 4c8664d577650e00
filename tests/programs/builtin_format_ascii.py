# format() with specs, ascii(), and repr of strings with escapes.
print(format(3.14159, ".2f"), format(42, "05d"), format(255, "x"), format(255, "#b"))
print(format("hi", ">5") + "|", format("hi", "<5") + "|", format("hi", "^6") + "|")
print(format(1234567, ","), format(0.5, "%"), format(12.0, "e"), format(-7, "+d"))
print(format(3), format("x"), format(2.5, ""))
print(ascii("héllo"), ascii("tab\t"), ascii(["ü", 1]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(f"{3.14159:8.3f}|{'a':*^5}|{42:>4}|{-3:04}")
print(f"{1e16}", f"{1e-5}", f"{123456789.123:,.2f}")
