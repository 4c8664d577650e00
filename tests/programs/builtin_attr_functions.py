# getattr, setattr, hasattr and delattr on instances and classes.
class Box:
    size = 3

    def __init__(self):
        self.label = "box"


b = Box()
print(getattr(b, "label"))
print(getattr(b, "size"))
print(getattr(b, "colour", "none"))
setattr(b, "colour", "red")
print(b.colour, hasattr(b, "colour"), hasattr(b, "weight"))
delattr(b, "colour")
print(hasattr(b, "colour"))
setattr(Box, "size", 4)
print(b.size, Box.size)
print(hasattr(Box, "label"), hasattr(b, "label"))
try:
    getattr(b, "weight")
except AttributeError as error:
    print("AttributeError:", error)
try:
    delattr(b, "weight")
except AttributeError as error:
    print("AttributeError:", error)
try:
    getattr(b, 5)
except TypeError as error:
    print("TypeError:", error)
print(getattr(Box, "size"), getattr(b, "__class__") is Box)
