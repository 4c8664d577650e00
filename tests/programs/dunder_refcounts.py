# Tricky: reference counts seen from inside special methods run by the interpreter.
import sys


class Probe:
    def __repr__(self):
        print("in __repr__:", sys.getrefcount(self))
        return "Probe()"

    def __eq__(self, other):
        print("in __eq__:", sys.getrefcount(self), sys.getrefcount(other))
        return True

    def __len__(self):
        print("in __len__:", sys.getrefcount(self))
        return 1


p = Probe()
print("outside:", sys.getrefcount(p))
print(p)
r = repr(p)
q = Probe()
print(p == q)
print(len(p))
items = [p]
print(items)
print(sys.getrefcount(p), sys.getrefcount(q))
