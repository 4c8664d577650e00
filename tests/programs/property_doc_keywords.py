# property(fget, fset, fdel, doc), by position or by name; its __doc__ is
# the one given or its getter's, and a copy by .setter keeps the getter's.
class Temperature:
    def __init__(self):
        self._c = 0.0

    def get_c(self):
        """Degrees Celsius."""
        return self._c

    def set_c(self, value):
        self._c = value

    celsius = property(get_c, set_c, None, "The temperature in Celsius.")
    plain = property(get_c)
    by_name = property(fget=get_c, fset=set_c, doc="By name.")

    @property
    def fahrenheit(self):
        """Degrees Fahrenheit."""
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self._c = (value - 32) * 5 / 9


t = Temperature()
t.celsius = 100
t.by_name = 37
print(t.celsius, t.plain, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
print(Temperature.celsius.__doc__, Temperature.plain.__doc__, Temperature.by_name.__doc__)
print(Temperature.fahrenheit.__doc__, property().__doc__, property(lambda s: 1).__doc__)
for f in (lambda: property(get=1), lambda: property(Temperature.get_c, fget=Temperature.get_c), lambda: property(1, 2, 3, 4, 5)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
