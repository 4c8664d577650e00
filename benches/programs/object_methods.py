# Objects of a program's own classes: instances made in a loop, methods
# called on them, attributes read and written (a bank-account simulation).
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        self.balance += amount
        self.history += 1
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history += 1
        return True


class Savings(Account):
    def add_interest(self, rate):
        return self.deposit(self.balance * rate // 100)


accounts = [Savings(i, 100) for i in range(100)]
total = 0
for step in range(100_000):
    a = accounts[step % 100]
    a.deposit(step % 50)
    if not a.withdraw(step % 70):
        total += 1
    if step % 10 == 0:
        a.add_interest(2)
    fresh = Account(step, step)
    total += fresh.deposit(1) - fresh.balance
print(total, sum(a.balance for a in accounts), sum(a.history for a in accounts))
