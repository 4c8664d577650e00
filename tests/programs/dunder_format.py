class Temp:
    def __init__(self, degrees):
        self.degrees = degrees

    def __format__(self, spec):
        print("format called with", repr(spec))
        if spec == 'f':
            return f"{self.degrees * 9 / 5 + 32:.1f}F"
        return f"{self.degrees}C"

    def __str__(self):
        return "Temp!"

t = Temp(100)
print(f"{t}")
print(f"{t:f}")
print(format(t, 'f'))
print(format(t))
print("{} and {:f}".format(t, t))
print(f"{t!s}")
width = 'f'
print(f"{t:{width}}")

class Default:
    def __str__(self):
        return 'default str'

d = Default()
print(f"{d}", format(d))
try:
    format(d, '>10')
except TypeError as e:
    print("TypeError:", e)

class Bad:
    def __format__(self, spec):
        return 42

try:
    f"{Bad()}"
except TypeError as e:
    print("TypeError:", e)
