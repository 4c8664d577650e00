# list.sort() empties the list while it sorts, at every size: a __lt__
# that looks at the list sees it empty, and one that changes it makes the
# sort fail with "list modified during sort".
class Item:
    def __init__(self, v, seen):
        self.v = v
        self.seen = seen

    def __lt__(self, other):
        self.seen.append(len(box))
        return self.v < other.v

    def __repr__(self):
        return f"I{self.v}"


seen = []
box = [Item(v, seen) for v in (3, 1, 2)]
box.sort()
print(box, seen)
seen.clear()
box = [Item(v, seen) for v in (5, 4)]
print(sorted(box), seen)


class Meddler:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        victims.append(self)
        return self.v < other.v


victims = [Meddler(2), Meddler(1), Meddler(3)]
try:
    victims.sort()
except ValueError as e:
    print(e, len(victims))


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("  compare", self.v, other.v, lst)
        if self.v == 9:
            raise RuntimeError("nine")
        return self.v < other.v


lst = [Loud(v) for v in (4, 2, 3)]
lst.sort()
print([x.v for x in lst])
lst = [Loud(v) for v in (4, 9, 3)]
try:
    lst.sort()
except RuntimeError as e:
    print("error", e, [x.v for x in lst])
