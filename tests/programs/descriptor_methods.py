class Method:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        def bound(*args):
            return self.func(obj, *args)
        return bound

class Calc:
    def __init__(self, base):
        self.base = base

    @Method
    def add(self, n):
        return self.base + n

c = Calc(10)
print(c.add(5))
print(type(Calc.add).__name__)
f = c.add
print(f(1), f(2))

class ClassProp:
    def __init__(self, fget):
        self.fget = fget

    def __get__(self, obj, objtype=None):
        return self.fget(objtype)

class Config:
    name = 'cfg'

    @ClassProp
    def label(cls):
        return cls.name.upper()

print(Config.label, Config().label)

class Validated:
    def __set_name__(self, owner, name):
        self.private = '_' + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.private[1:]} must be int, not {type(value).__name__}')
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        print('deleting', self.private)
        delattr(obj, self.private)

class Account:
    balance = Validated()

acct = Account()
print(acct.balance)
acct.balance = 10
print(acct.balance, acct.__dict__)
try:
    acct.balance = 'lots'
except TypeError as e:
    print('TypeError:', e)
del acct.balance
print(acct.balance, acct.__dict__)
