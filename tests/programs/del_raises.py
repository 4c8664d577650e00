# an exception in __del__ is reported and ignored; the program goes on
class Bad:
    def __del__(self):
        print("in __del__")
        1 / 0

class Resurrect:
    saved = []
    def __del__(self):
        print("saving myself")
        Resurrect.saved.append(self)

b = Bad()
del b
print("still running")
r = Resurrect()
del r
print(len(Resurrect.saved))
Resurrect.saved.clear()
print("cleared: __del__ does not run twice")
