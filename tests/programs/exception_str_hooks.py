# An exception class's own __str__ and __repr__: str(e), f-strings, %s,
# repr(e) and containers use them (BaseException.__str__ is not
# object.__str__: a __repr__ alone leaves str(e) as the args).
class MyErr(ValueError):
    def __str__(self):
        return "custom str"


class Coded(Exception):
    def __init__(self, code):
        self.code = code

    def __str__(self):
        return f"code {self.code}"

    def __repr__(self):
        return f"Coded<{self.code}>"


class OnlyRepr(Exception):
    def __repr__(self):
        return "OnlyRepr!"


e = MyErr("ignored")
print(e, str(e), f"{e}", "%s" % e, repr(e), [e])
c = Coded(5)
print(c, repr(c), [c], c.args)
o = OnlyRepr("msg")
print(o, repr(o), [o])
try:
    raise Coded(7)
except Exception as err:
    print("caught:", err, type(err).__name__)
