class Verbose:
    def __get__(self, obj, objtype=None):
        print("get", type(obj).__name__, objtype.__name__)
        return 10

class Holder:
    attr = Verbose()

h = Holder()
print(h.attr)
print(Holder.attr)

class Positive:
    def __set_name__(self, owner, name):
        self.name = '_' + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)

class Item:
    price = Positive()
    qty = Positive()

    def __init__(self, price, qty):
        self.price = price
        self.qty = qty

i = Item(3, 4)
print(i.price * i.qty, i.__dict__)
try:
    i.qty = -1
except ValueError as e:
    print("ValueError:", e)
print(type(Item.price).__name__)
