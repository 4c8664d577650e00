# sys.exit: the SystemExit (and the frames its traceback holds) goes before
# the interpreter finalizes anything; then the globals.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def leave():
    local = Noisy("local of leave")
    sys.exit(3)


g = Noisy("global")
leave()
