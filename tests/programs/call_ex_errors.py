# Calls with *args and **kwargs: what CPython's CALL_FUNCTION_EX and
# DICT_MERGE say about bad arguments, and builtins whose special-method
# calls run Python code while called with *args.
class R:
    def __repr__(self):
        print("repr of R")
        return "R!"

    def __lt__(self, other):
        print("R.__lt__")
        return False


class Seq:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        print("Seq.__iter__")
        return iter(range(self.n))


class Method:
    def m(self, *args, **kwargs):
        return args, kwargs


def f(*args, **kwargs):
    return args, kwargs


objs = [R(), R()]
print(*objs)
print(*objs, sep="|")
print(max(*objs))
print("{} and {}".format(*objs))
print(*Seq(3))
print(f(*Seq(2), **{"a": 1}))
kw = {"sep": "-", "end": "!\n"}
print(*objs, **kw)
args = (1, 2)
print(f(*args), f(*[3, 4]), f(*"ab"), f(*{5: 0}), f(*range(2)))
for call in [
    lambda: print(*5),
    lambda: f(*None),
    lambda: f(**5),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: Method().m(*1),
    lambda: Method().m(**[1]),
    lambda: R(*3),
    lambda: [].append(*4),
    lambda: len(*5.5),
    lambda: f(**{1: 2}),
    lambda: print(**{"sep": "x", "bogus": 1}),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
