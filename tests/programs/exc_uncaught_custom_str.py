# An uncaught exception's last traceback line is made with its own
# __str__ (the traceback printer calls it after the frames are gone).
class E(Exception):
    def __str__(self):
        return "custom " + str(len(self.args))


def fail():
    raise E(1, 2)


print("before")
fail()
