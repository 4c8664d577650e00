# reversed() over a sequence that misbehaves: errors in __getitem__ or
# __len__, StopIteration ending it early, a length that lies, refcounts.
import sys


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


class Seq:
    def __init__(self, length, fail_at=None, stop_at=None):
        self.length = length
        self.fail_at = fail_at
        self.stop_at = stop_at

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        if index == self.fail_at:
            raise ValueError("bad index %d" % index)
        if index == self.stop_at:
            raise StopIteration
        if index >= 3:
            raise IndexError("past the end")
        return index


attempt("plain", lambda: list(reversed(Seq(3))))
attempt("empty", lambda: list(reversed(Seq(0))))
attempt("fails", lambda: list(reversed(Seq(3, fail_at=1))))
attempt("stop early", lambda: list(reversed(Seq(3, stop_at=1))))
attempt("len too long", lambda: list(reversed(Seq(5))))


class BadLen:
    def __init__(self, value):
        self.value = value

    def __len__(self):
        return self.value

    def __getitem__(self, index):
        return index


attempt("negative len", lambda: reversed(BadLen(-1)))
attempt("str len", lambda: reversed(BadLen("3")))
attempt("bool len", lambda: list(reversed(BadLen(True))))


class NoLen:
    def __getitem__(self, index):
        return index


attempt("no len", lambda: reversed(NoLen()))


class NotReversible:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, index):
        return index


attempt("reversed None", lambda: reversed(NotReversible()))
attempt("no getitem", lambda: reversed(object()))

# The reversed object holds its sequence until it is exhausted.
seq = Seq(2)
before = sys.getrefcount(seq)
it = reversed(seq)
print(sys.getrefcount(seq) - before)
print(next(it), next(it))
print(sys.getrefcount(seq) - before)
print(next(it, "done"))
print(sys.getrefcount(seq) - before)

# An error inside the loop body's source propagates out of the for.
for item in reversed(Seq(3, fail_at=0)):
    print("got", item)
