# __del__ at interpreter exit: what the globals still hold when the program
# ends is finalized as CPython's shutdown does it (the globals dict is in a
# cycle with the functions and classes, so the collector frees it: every
# __del__ runs first, with the globals still bound, then all is freed).
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "sees", GREETING, len(registry))
        if self.name == "raiser":
            raise ValueError("from __del__ at exit")


GREETING = "hello"
a = Noisy("a")
b = Noisy("b")
registry = {"in dict": Noisy("in dict")}
items = [Noisy("in list 1"), Noisy("in list 2")]
c = Noisy("cycle")
c.me = c
r = Noisy("raiser")
temp = Noisy("temp")
del temp
print("end of program")
