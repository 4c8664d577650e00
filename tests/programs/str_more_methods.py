# removeprefix/removesuffix, the is* tests, casefold, expandtabs.
name = "test_parser.py"
print(name.removeprefix("test_"), name.removesuffix(".py"), name.removeprefix("x") is name)
print("abc".removesuffix(""), "".removeprefix("a"))
for s in ["Hello World", "Hello world", "HELLO", "", "123", "A1 B2", "ǅungla", "Don'T"]:
    print(repr(s), s.istitle(), s.isascii(), s.isidentifier(), s.isprintable())
for s in ["_x1", "1x", "class", "été", "a-b", "a b", "\t", "tab\there", "\x7f", "\u00ad"]:
    print(repr(s), s.isidentifier(), s.isprintable(), s.isascii())
print("Straße".casefold(), "ΣΑΣ".casefold(), "abc".casefold())
print("a\tbc\tdef\tg".expandtabs(), "a\tb".expandtabs(4), "x\ty\nab\tc".expandtabs(tabsize=3))
print(repr("\t".expandtabs(0)), repr("no tabs".expandtabs()))
try:
    "x".removeprefix(1)
except TypeError as e:
    print("TypeError:", e)
