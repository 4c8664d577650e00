# NameError and AttributeError suggest the closest name ("Did you mean").
total = 0
for value in [1, 2, 3]:
    total += value
try:
    print(totl)
except NameError as error:
    print("caught:", error)


class Point:
    def __init__(self):
        self.x = 1
        self.y = 2


p = Point()
try:
    p.z
except AttributeError as error:
    print("caught:", error)
print(totel)
