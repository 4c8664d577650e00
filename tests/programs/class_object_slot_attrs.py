# A class without its own __init__/__repr__/__eq__…: the class attribute is
# object's (A.__init__ is object.__init__), as the MRO ends in object.
class A: pass
for name in ["__init__", "__repr__", "__str__", "__eq__", "__hash__", "__lt__", "__setattr__", "__getattribute__", "__format__", "__ne__", "__class__", "__doc__", "__dict__"]:
    try:
        print(name, repr(getattr(A, name))[:45])
    except Exception as e:
        print(name, type(e).__name__, e)
a = A()
print(A.__init__ is object.__init__, A.__repr__(a)[:20], A.__str__(a)[:20], A.__eq__(a, a), A.__ne__(a, 1))
class B(A):
    def __init__(self):
        A.__init__(self)
        self.x = 1
print(B().x, B.__repr__ is object.__repr__, B.__init__ is A.__init__)
class C:
    def __eq__(self, o): return True
print(C.__hash__, C.__ne__(C(), 1), C.__str__(C())[:18])
