# Tricky: a property shadows the instance dict; a setter error leaves the old value.
class Temp:
    def __init__(self):
        self._c = 0

    def get_c(self):
        return self._c

    def set_c(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError("degrees must be a number")
        self._c = value

    c = property(get_c, set_c)


t = Temp()
t.c = 30
try:
    t.c = "hot"
except TypeError as e:
    print("TypeError:", e)
print(t.c, t.__dict__)
del_me = Temp()
try:
    del del_me.c
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temp.c).__name__)
