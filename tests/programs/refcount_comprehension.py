import sys
word = "comprehended"
copies = [word for _ in range(3)]
print(sys.getrefcount(word))
print([sys.getrefcount(w) for w in [word]])
table = {word: word}
print(sys.getrefcount(word))
copies.clear()
print(sys.getrefcount(word))
