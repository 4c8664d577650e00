class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price

    def total(self, qty):
        return self.price * qty


cart = [Item("pen", 2), Item("book", 12), Item("mug", 7)]
print(sum([i.total(2) for i in cart]))
by_name = {i.name: i for i in cart}
print(by_name["book"].price, len(by_name))
expensive = [i.name for i in cart if i.price > 5]
print(expensive)
cart.sort(key=None) if False else None
print([i.name for i in sorted(cart, key=None)] if False else "skip")
