text = "  Hello, World! Hello, Python.  "
print(text.strip().lower().replace("hello", "bye"), text.count("Hello"), text.find("World"), text.rfind("o"))
print(text.split(","), text.strip().split(" ", 1), "-".join(reversed(text.split())))
print(text.strip().title(), text.isspace(), "abc123".isalnum(), "ABC".isupper(), "x".center(7, "*"))
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 9.5, 12.345))
print("{:>10}|{:<10}|{:^10}|".format("right", "left", "mid"), "{0}{1}{0}".format("ab", "-"))
s = "racecar"
print(s == s[::-1], s[1:-1], s[::2], s[-3:], s[:100], s[5:2], s.index("car"))
try:
    s.index("xyz")
except ValueError as e:
    print(e)
print(ord("A"), chr(97), [c for c in "hello" if c in "aeiou"], "".join(sorted("banana")))
print("a,b,,c".split(","), "a b  c".split(), "line1\nline2\r\nline3".splitlines(), "x=1".partition("="))
print(str(3.0), str(1e16), str(1/3), repr(0.1 + 0.2), 2**0.5, int("  42 "), float("1e-3"), int("ff", 16))
print(f"{'nested':{'>'}{12}}", f"{3.14159:.{3}f}", f"{42:#x}", f"{42:08b}", f"{1234567:,}", f"{-5:+d}")
word = "Mississippi"
print({c: word.count(c) for c in sorted(set(word))}, word.upper().startswith(("MISS", "X")), word.endswith("pi"))
print("tab\there", repr("quote's"), repr('dq"'), ascii("héllo"), "ß".upper(), "ǅ".lower())
