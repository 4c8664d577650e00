# Sorting many objects whose __lt__ is Python code: the result is CPython's
# (a stable sort), and their counts afterwards too.
import sys

class Card:
    def __init__(self, rank, label):
        self.rank = rank
        self.label = label
    def __lt__(self, other):
        return self.rank < other.rank
    def __repr__(self):
        return f"{self.rank}{self.label}"

cards = [Card((i * 37) % 13, "abcd"[i % 4]) for i in range(200)]
ordered = sorted(cards)
print(ordered[:10], ordered[-5:])
# Stable: equal ranks keep their first-seen order.
print([c.label for c in ordered if c.rank == 5][:12])
cards.sort(reverse=True)
print(cards[:6], cards[-3:])
print(sys.getrefcount(cards[0]), sys.getrefcount(ordered), len(ordered))

# Tuples whose second item is compared only when the first ties.
pairs = sorted((i % 5, Card(i % 3, "x")) for i in range(120))
print(pairs[:4], pairs[-2:])
print(min(pairs)[1], max(pairs)[1])

# A key function that returns instances.
words = ["w%d" % ((i * 11) % 97) for i in range(100)]
by_len = sorted(words, key=lambda w: Card(len(w), w))
print(by_len[:5], by_len[-3:])

# An exception in __lt__ stops the sort and is raised where it was called.
class Fussy:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 50 or other.v == 50:
            raise ValueError("cannot compare 50")
        return self.v < other.v
try:
    sorted([Fussy(i) for i in range(100)])
except ValueError as error:
    print("ValueError:", error)
