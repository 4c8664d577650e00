# __iadd__ mutates in place and returns self; aliases see the change.
class Bag:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __len__(self):
        return len(self.items)

    def __contains__(self, item):
        return item in self.items


b = Bag()
alias = b
b += "apple"
b += "pear"
print(alias is b, len(alias), alias.items)
print("pear" in b, "plum" in b, "plum" not in b)
print(bool(Bag()), bool(b))
