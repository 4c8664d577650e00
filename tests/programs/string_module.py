# The string module: its constants and capwords(), used as students do.
import string
from string import ascii_letters, punctuation as P
print(repr(string.whitespace), string.ascii_lowercase, string.ascii_uppercase)
print(ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(P, repr(string.printable), len(string.printable))
print(string.capwords("hello   big  world"), string.capwords("  a-b c-d ", "-"), string.capwords("ǆx ﬁne"), string.capwords(""))
print(string.capwords("x,y,,z", sep=","), string.capwords(s="one two"), string.capwords("a b", None))
print(string.__name__, string.capwords.__name__, string.capwords.__module__)
for bad in [lambda: string.capwords(), lambda: string.capwords("a", "b", "c"), lambda: string.capwords("a", sep=5), lambda: string.capwords("a", ""), lambda: string.capwords("a", x=1), lambda: string.nope]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
text = "Hello, World! It's 9:30."
print("".join(c for c in text if c not in string.punctuation))
print(text.translate(str.maketrans("", "", string.punctuation)).lower().split())
print(sum(c in string.ascii_letters for c in text), sum(c.isdigit() for c in text))
print(string.ascii_lowercase.index("k"), string.ascii_uppercase[::-1][:5])
print(all(c in string.hexdigits for c in "DeadBeef"), string.digits[3:7])
