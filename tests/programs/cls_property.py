# property: a getter, a setter that validates, a read-only property.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        print("get balance")
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    @property
    def label(self):
        return self.owner + ": " + str(self._balance)


a = Account("ann", 10)
print(a.balance)
a.balance = 25
print(a.label)
try:
    a.balance = -5
except ValueError as e:
    print("ValueError:", e)
try:
    a.label = "x"
except AttributeError as e:
    print("AttributeError:", e)
print(a.balance + 1)
