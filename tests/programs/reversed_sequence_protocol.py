# reversed() of a class with __len__ and __getitem__ but no __reversed__:
# CPython reads it from len()-1 down to 0, one __getitem__ call per item.
class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, index):
        print("  deck[%d]" % index)
        return self.cards[index]


deck = Deck(["ace", "king", "queen"])
for card in reversed(deck):
    print(card)

backwards = reversed(deck)
print(type(backwards).__name__)
print(next(backwards))
print(list(backwards))
print(list(backwards))

print(sorted(reversed(Deck([3, 1, 2]))))
print(sum(reversed(Deck([1, 2, 3]))))
print(max(reversed(Deck([4, 9, 2]))))
print(list(enumerate(reversed(Deck("ab")))))
print(list(zip(reversed(Deck("xyz")), [1, 2])))
print("king" in reversed(deck))
first, second = reversed(Deck([1, 2]))
print(first, second)
print("".join(reversed(Deck("stressed"))))
print([c.upper() for c in reversed(Deck("abc"))])


class Squares:
    """Only __getitem__: iteration uses the old sequence protocol."""

    def __getitem__(self, index):
        if index >= 4:
            raise IndexError(index)
        return index * index


print(list(Squares()))
for value in Squares():
    print(value, end=" ")
print()
print(9 in Squares(), 5 in Squares())

# Exhausted reversed objects (over a list, and over a class) stay empty
# wherever they are consumed.
for backwards in (reversed([1, 2]), reversed(Deck("pq"))):
    print(list(backwards), [*backwards], list(backwards), sorted(backwards))
print([*reversed(Deck("mn"))], {*reversed(Deck("mn"))}, dict.fromkeys(reversed(Deck("k"))))
print(*reversed(Deck("uv")))
