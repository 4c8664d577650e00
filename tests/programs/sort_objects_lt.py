# Sorting instances by __lt__ (stable), by a key method, reversed; max/min with __gt__.
class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __lt__(self, other):
        return self.rank < other.rank

    def __repr__(self):
        return f"{self.rank}{self.suit}"

    def suit_key(self):
        return self.suit


hand = [Card(5, "h"), Card(2, "s"), Card(5, "c"), Card(9, "d"), Card(2, "h")]
print(sorted(hand))
print(sorted(hand, reverse=True))
print(sorted(hand, key=Card.suit_key))
hand.sort(key=lambda c: (c.suit, c.rank))
print(hand)
print(max(hand), min(hand))
