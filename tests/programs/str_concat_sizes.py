# `a + b` of strs builds a new string each time: contents, sizes (ASCII,
# Latin-1, BMP, astral) and the ASCII-ness remembered across a loop. (The
# oracle is 32-bit: sizes are compared with the same text made by join.)
import sys


def size(text):
    return sys.getsizeof(text) == sys.getsizeof("".join(list(text)))


text = ""
for i in range(30):
    text = text + str(i % 10)
print(text, len(text), size(text))
mixed = text + "é"
print(mixed[-3:], len(mixed), size(mixed))
again = mixed + "x"
print(again[-3:], size(again))
back = text + "ab"
print(back[-4:], size(back))
wide = "ab" + "€"
print(wide, size(wide), size(wide + "c"))
astral = "a" + "😀"
print(astral, len(astral), size(astral), size(astral + astral))
s = "é"
for _ in range(4):
    s = s + "a"
print(s, size(s))
t = "abc"
for _ in range(3):
    t = t + "ü"
    print(t, size(t))
u = ""
for piece in ["x", "", "yz", "😀", "w"]:
    u = u + piece
    print(repr(u), len(u), size(u))
print("" + "", "a" + "", "" + "b", size("q" + "r"))
