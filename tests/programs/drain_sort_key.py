# sorted() and list.sort() with a Python key= function: one frame per item,
# keys computed in order before any comparison; an error in a key stops it
words = ["pear", "fig", "apple", "kiwi", "banana"]
print(sorted(words, key=lambda w: len(w)))
print(sorted(words, key=lambda w: w[-1], reverse=True))
words.sort(key=lambda w: -len(w))
print(words)
print(sorted((x for x in range(10)), key=lambda v: (v % 3, -v)))
def k(v):
    print("key", v)
    return -v
print(sorted([3, 1, 2], key=k))
try:
    sorted([1, 2, 3], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
class P:
    def __init__(self, n): self.n = n
    def __lt__(self, o): return self.n < o.n
    def __repr__(self): return f"P({self.n})"
print(sorted([3, 1, 2], key=lambda v: P(v)))
