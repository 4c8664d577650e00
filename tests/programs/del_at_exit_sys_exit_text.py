# sys.exit with a text: python3 prints it, then the exit finalizes the
# globals (this __del__ raises: its report follows the text on stderr).
import sys


class Tag:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)
        raise KeyError(self.name)


t = Tag("t")
sys.exit("bye")
