# Tricky: cooperative super() in a diamond follows the MRO, each class once.
class Base:
    def hello(self):
        print("Base")


class Left(Base):
    def hello(self):
        print("Left")
        super().hello()


class Right(Base):
    def hello(self):
        print("Right")
        super().hello()


class Child(Left, Right):
    def hello(self):
        print("Child")
        super().hello()


Child().hello()
print([c.__name__ for c in Child.__mro__])
Left().hello()


class Init(Base):
    def __init__(self):
        super().__init__()
        print("object.__init__ done")


Init()
