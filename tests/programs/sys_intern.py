# sys.intern: equal strings become one object; names and identifier-like
# constants are interned already, other strings join when interned.
import sys
a = "hello world"
b = "hello " + "world".lower()
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib, ia is a, ib is b)
name = "spam"
built = "sp" + "am".lower()
print(built is name, sys.intern(built) is name)
key = "".join(["ap", "pend"])
print(sys.intern(key) is sys.intern("append"))
one, empty = "x", ""
print(sys.intern("x") is one, sys.intern("") is empty)
print(sys.getrefcount(ia) - sys.getrefcount(b))
words = [sys.intern(w) for w in "the cat the hat the end".split()]
print(words[0] is words[2] is words[4], len({id(w) for w in words}))
try:
    sys.intern(42)
except TypeError as e:
    print("TypeError:", e)
print(sys.getrecursionlimit())
