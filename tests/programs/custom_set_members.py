# set members with __eq__/__hash__: add, discard, remove, in, frozenset, len
class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __eq__(self, other):
        return isinstance(other, Card) and (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __repr__(self):
        return f"{self.rank}{self.suit}"

hand = {Card(10, "h"), Card(3, "s"), Card(10, "h")}
print(len(hand), Card(10, "h") in hand, Card(4, "s") in hand)
hand.add(Card(3, "s"))
print(len(hand))
hand.discard(Card(10, "h"))
print(hand)
try:
    hand.remove(Card(9, "c"))
except KeyError as e:
    print("KeyError", e)
frozen = frozenset([Card(1, "d"), Card(1, "d")])
print(len(frozen), Card(1, "d") in frozen)
print(Card(2, "c") == Card(2, "c"), Card(2, "c") != Card(2, "d"))
lookup = {Card(5, "h"): "five"}
print(lookup.get(Card(5, "h")), lookup.setdefault(Card(6, "h"), "six"), len(lookup))
print(lookup.pop(Card(5, "h")), len(lookup))
