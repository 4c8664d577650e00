# The common str methods.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
t = s.strip()
print(t.upper(), t.lower(), t.swapcase(), "hello world".title(), "hELLO".capitalize())
print(t.split(","), "a b  c\n d".split(), "a,b,,c".split(","), "a,b,c".split(",", 1))
print("a b c".rsplit(None, 1), "k=v=w".rsplit("=", 1), "".split(), "".split(","))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join([str(i) for i in range(3)]))
print(t.replace("l", "L"), t.replace("l", "L", 2), t.find("o"), t.rfind("o"), t.find("z"))
print(t.index("W"), t.count("l"), "aaaa".count("aa"), t.startswith("Hell"), t.endswith(("x", "d")))
print("42".isdigit(), "4a".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace(), "".isdigit())
print("ABC".isupper(), "abC".islower(), "abc1".islower())
print(repr("hi".center(6)), repr("hi".center(7, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "key=val".partition("="), "a.b.c".rpartition("."), "abc".partition("x"))
print("one\ntwo\r\nthree".splitlines(), "x\ny\n".splitlines(True))
try:
    t.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
