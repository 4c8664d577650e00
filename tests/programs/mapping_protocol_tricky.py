# Mappings that misbehave: errors inside keys() or __getitem__, keys()
# returning the wrong type, duplicate keywords, and reference counts.
import sys


class Broken:
    def __init__(self, keys, fail_on=None):
        self._keys = keys
        self.fail_on = fail_on

    def keys(self):
        return self._keys

    def __getitem__(self, key):
        if key == self.fail_on:
            raise KeyError(key)
        return key * 2


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


attempt("ok", lambda: dict(Broken(["a", "b"])))
attempt("tuple keys", lambda: dict(Broken(("p", "q"))))
attempt("getitem fails", lambda: dict(Broken(["a", "b"], fail_on="b")))
attempt("keys not iterable", lambda: dict(Broken(5)))
attempt("keys None", lambda: dict(Broken(None)))
attempt("keys a string", lambda: dict(Broken("xy")))

target = {"kept": 1}
attempt("partial update", lambda: target.update(Broken(["a", "b", "c"], fail_on="c")))
print(target)


def f(**kwargs):
    return sorted(kwargs)


attempt("call", lambda: f(**Broken(["u", "v"])))
attempt("duplicate", lambda: f(u=1, **Broken(["u"])))
attempt("non-str key", lambda: f(**Broken([1])))
attempt("not a mapping", lambda: f(**5))
attempt("display not a mapping", lambda: {**5})


class Raising:
    def keys(self):
        raise RuntimeError("no keys today")

    def __getitem__(self, key):
        return key


attempt("keys raises", lambda: dict(Raising()))
attempt("update keys raises", lambda: {}.update(Raising()))
attempt("display keys raises", lambda: {**Raising()})

# The value object ends up in the dict: its count goes up by one per dict.
shared = ["payload"]


class Holder:
    def keys(self):
        return ["only"]

    def __getitem__(self, key):
        return shared


before = sys.getrefcount(shared)
made = dict(Holder())
print(sys.getrefcount(shared) - before, made["only"] is shared)
again = {**Holder()}
print(sys.getrefcount(shared) - before)
del made, again
print(sys.getrefcount(shared) - before)

dict(Broken(["z"], fail_on="z"))
