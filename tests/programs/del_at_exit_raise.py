# An uncaught exception ends the program: the traceback is printed first;
# the frames it keeps alive (and their locals) go when CPython clears
# sys.last_exc at exit, then the globals are finalized.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail():
    local = Noisy("local of fail")
    raise RuntimeError("the end")


g = Noisy("global")
fail()
