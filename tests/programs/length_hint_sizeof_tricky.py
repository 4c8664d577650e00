# Hooks returning the wrong thing: sys.getsizeof and list() check what
# __sizeof__ and __length_hint__ return exactly as CPython does.
import sys


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


class Sized:
    def __init__(self, result):
        self.result = result

    def __sizeof__(self):
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


attempt("negative", lambda: sys.getsizeof(Sized(-1)))
attempt("float", lambda: sys.getsizeof(Sized(1.5)))
attempt("str", lambda: sys.getsizeof(Sized("10")))
attempt("None", lambda: sys.getsizeof(Sized(None)))
attempt("huge", lambda: sys.getsizeof(Sized(2**80)))
attempt("huge negative", lambda: sys.getsizeof(Sized(-(2**80))))
attempt("bool", lambda: sys.getsizeof(Sized(True)) - sys.getsizeof(Sized(0)))
attempt("raises", lambda: sys.getsizeof(Sized(KeyError("size"))))
attempt("default on TypeError", lambda: sys.getsizeof(Sized("x"), -7))
attempt("default on raised TypeError", lambda: sys.getsizeof(Sized(TypeError("t")), "dflt"))
attempt("no default for ValueError", lambda: sys.getsizeof(Sized(-5), 0))


class Hinted:
    def __init__(self, hint, items=(1, 2)):
        self.hint = hint
        self.items = list(items)

    def __iter__(self):
        return self

    def __next__(self):
        if not self.items:
            raise StopIteration
        return self.items.pop(0)

    def __length_hint__(self):
        if isinstance(self.hint, Exception):
            raise self.hint
        return self.hint


attempt("negative hint", lambda: list(Hinted(-1)))
attempt("float hint", lambda: list(Hinted(2.0)))
attempt("None hint", lambda: list(Hinted(None)))
attempt("huge hint", lambda: list(Hinted(2**70)))
attempt("TypeError hint", lambda: list(Hinted(TypeError("no"))))
attempt("other error hint", lambda: list(Hinted(LookupError("lookup"))))
attempt("NotImplemented", lambda: list(Hinted(NotImplemented)))
attempt("bool hint", lambda: list(Hinted(True)))


class BothLenAndHint(Hinted):
    def __len__(self):
        raise TypeError("len refuses")


attempt("len TypeError falls back", lambda: list(BothLenAndHint(-3)))

# The object a hook returns is not kept.
value = 12345678
before = sys.getrefcount(value)
sys.getsizeof(Sized(value))
print(sys.getrefcount(value) - before)

sys.getsizeof(Sized(-2))
