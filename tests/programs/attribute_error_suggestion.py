# An uncaught AttributeError with a close attribute name.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount


acct = Account(10)
acct.deposit(5)
print(acct.balance)
acct.deposite(5)
