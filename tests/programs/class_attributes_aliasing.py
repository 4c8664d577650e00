# Tricky: a mutable class attribute is shared by every instance.
class Bag:
    items = []

    def __init__(self, name):
        self.name = name

    def add(self, thing):
        self.items.append(thing)


a = Bag("a")
b = Bag("b")
a.add(1)
b.add(2)
print(a.items, b.items, Bag.items, a.items is b.items)
a.items = ["own"]
print(a.items, b.items)
Bag.count = 0
print(a.count, b.count)
b.count = 5
print(a.count, b.count, Bag.count)
