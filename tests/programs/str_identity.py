# Tricky: str methods that change nothing return the same object.
import sys

s = "already clean"
print(s.strip() is s, s.replace("zz", "y") is s, s.rjust(3) is s, s.upper() is s)
print("".join([s]) is s, s.split()[0] == "already")
word = "-".join(["ab", "cd"])
other = str(12345)
parts = [other, word]
print(sys.getrefcount(word))
joined = "".join(parts)
print(joined, sys.getrefcount(word))
only = "+".join([word])
print(only is word, sys.getrefcount(word))
pieces = word.split("?")
print(pieces[0] is word, sys.getrefcount(word))
