from math import sqrt, pi, floor, ceil, isclose, inf
class Item:
    __slots__ = ("name", "price", "qty")

    def __init__(self, name, price, qty=1):
        self.name, self.price, self.qty = name, price, qty

    @property
    def total(self):
        return self.price * self.qty

    def __repr__(self):
        return "Item(%r, %.2f, %d)" % (self.name, self.price, self.qty)


class Inventory:
    def __init__(self):
        self._items = {}

    def __len__(self):
        return len(self._items)

    def __contains__(self, name):
        return name in self._items

    def __getitem__(self, name):
        return self._items[name]

    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: i.name))

    def add(self, item):
        if item.name in self:
            self._items[item.name].qty += item.qty
        else:
            self._items[item.name] = item

    def __enter__(self):
        print("open inventory")
        return self

    def __exit__(self, kind, value, tb):
        print("close inventory", kind.__name__ if kind else None)
        return kind is KeyError


with Inventory() as inv:
    for name, price, qty in [("pen", 1.5, 10), ("book", 12.99, 2), ("pen", 1.5, 5), ("cup", 4.25, 3)]:
        inv.add(Item(name, price, qty))
    print(len(inv), "pen" in inv, "ink" in inv)
    print(list(inv))
    print(inv["ink"])
print("after with")
print(sum(i.total for i in inv), f"{sum(i.total for i in inv):.2f}")
cheap = {i.name for i in inv if i.price < 5}
print(sorted(cheap), cheap & {"pen", "ink"}, cheap | {"ink"} > cheap, cheap - {"cup"})
try:
    inv["pen"].colour = "red"
except AttributeError as e:
    print("AttributeError:", e)
stock = {i.name: i.qty for i in inv}
print(stock, stock.keys() & {"cup", "x"}, list(stock.values()), max(stock, key=stock.get))
del stock["cup"]
stock.update(mug=2, pen=0)
print(stock, stock.pop("x", "none"), stock.setdefault("cap", 7), stock)
print(sqrt(2), pi, floor(-2.5), ceil(2.1), isclose(0.1 + 0.2, 0.3), inf > 10 ** 100, -inf)
print(sorted([3, 1, 2], key=lambda x: -x), sorted("bca"), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(list(zip("abc", range(5))), dict(zip("ab", [1, 2])), list(map(str.upper, "xy")))
print(any(x > 2 for x in [1, 2, 3]), all([]), list(filter(None, [0, 1, "", "a", None])))
print(round(2.675, 2), round(1234.5678, -2), f"{2.5:.0f} {3.5:.0f} {1e-7} {123456789.0} {1e22} {0.1:.20f}")
