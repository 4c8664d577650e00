class Model(type):
    def __repr__(cls):
        return f"<model {cls.__name__}>"


class Named(type):
    def __str__(cls):
        return "Named:" + cls.__name__


class Bad(type):
    def __repr__(cls):
        return 42


class User(metaclass=Model):
    pass


class Admin(User):
    pass


class Thing(metaclass=Named):
    pass


print(User, repr(Admin), [User, Admin], {"k": User})
print(f"{User} and {Admin!r}", str(User))
print(Thing, repr(Thing), [Thing])
print(type(User), repr(Model))
u = User()
print(type(u), type(u).__name__)


class Broken(metaclass=Bad):
    pass


try:
    repr(Broken)
except TypeError as e:
    print("TypeError:", e)
print(Broken)
