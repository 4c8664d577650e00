# for loops over tuples and strings: the iterator holds the sequence until it
# is exhausted.
import sys

word = "lecture"
letters = 0
for ch in word:
    if ch in "aeiou":
        letters = letters + 1
print(letters)

pair = (10, 20, 30)
total = 0
for value in pair:
    total = total + value
print(total)

for ch in "héllo":
    print(ch, end="")
print()

items = ("byte" + "step", "stu" + "dent")
for s in items:
    print(s, sys.getrefcount(s))
print(sys.getrefcount(items))
print(type(iter(pair)), type(iter(word)), type(iter("é")))
for x in iter(range(3)):
    print(x)
