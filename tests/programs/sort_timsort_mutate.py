# While list.sort runs, the list is empty to the comparisons, and changing
# it is "ValueError: list modified during sort" (the items sorted anyway).
class Peek:
    seen = set()
    def __init__(self, v, owner):
        self.v = v
        self.owner = owner
    def __lt__(self, other):
        Peek.seen.add(len(self.owner))
        return self.v < other.v
    def __repr__(self):
        return f"P{self.v}"

box = []
box.extend(Peek((i * 17) % 70, box) for i in range(70))
box.sort()
print(Peek.seen, box[:5], len(box))

class Grow:
    def __init__(self, v, owner):
        self.v = v
        self.owner = owner
    def __lt__(self, other):
        if len(self.owner) < 3:
            self.owner.append("x")
        return self.v < other.v
    def __repr__(self):
        return f"G{self.v}"

lst = []
lst.extend(Grow((i * 7) % 80, lst) for i in range(80))
try:
    lst.sort()
except ValueError as e:
    print("ValueError:", e)
print(len(lst), lst[:6], "x" in lst)

# Appending then popping changes it too.
class Churn(Grow):
    def __lt__(self, other):
        self.owner.append(1)
        self.owner.pop()
        return self.v < other.v

lst = []
lst.extend(Churn((i * 11) % 90, lst) for i in range(90))
try:
    lst.sort(reverse=True)
except ValueError as e:
    print("ValueError:", e)
print(lst[:6], len(lst))

# An error in a comparison wins over the change.
class Both(Grow):
    def __lt__(self, other):
        self.owner.append(0)
        if self.v == 3 or other.v == 3:
            raise KeyError(3)
        return self.v < other.v

lst = []
lst.extend(Both(i % 75, lst) for i in range(75))
try:
    lst.sort()
except KeyError as e:
    print("KeyError:", e)
print(len(lst), 0 in lst)
