class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
        self.needed = needed
        self.available = available


class Account:
    interest = 0.02
    _next_id = 1

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance:,.2f})"

    def __str__(self):
        return f"#{self.id:03d} {self.owner:<10}|{self.balance:>12,.2f}"

    def __eq__(self, other):
        return isinstance(other, Account) and self.id == other.id

    def __hash__(self):
        return hash(self.id)

    def __lt__(self, other):
        return self.balance < other.balance


class Savings(Account):
    interest = 0.05

    def add_interest(self):
        self.deposit(round(self.balance * self.interest, 2))


accounts = [Account("ann", 100), Savings("bob", 2500.5), Account("cy")]
accounts[0].deposit(50).withdraw(30)
accounts[1].add_interest()
try:
    accounts[2].withdraw(10)
except InsufficientFunds as e:
    print("error:", e, e.needed, e.args)
try:
    accounts[2].deposit(-5)
except ValueError as e:
    print(type(e).__name__, e)
for a in sorted(accounts, reverse=True):
    print(a)
print(accounts)
print(max(accounts), min(accounts, key=lambda a: a.owner))
print({a: a.owner for a in accounts}[accounts[1]])
print(sum(a.balance for a in accounts))
print([h for a in accounts for h in a.history])
print(Savings.__mro__)
print(isinstance(accounts[1], Account), issubclass(Savings, Account))
print(f"{'total':*^20}")
print("{:>8.3%}".format(0.12345), format(1234567.891, ",.1f"), f"{42:#x} {42:08b} {-3.5:+e}")
