# __del__ at exit, the tricky cases: a __del__ that resurrects its object,
# one that makes a new object with a __del__ (stored in the globals while
# they are being finalized), one that reads a global already finalized,
# and garbage cycles left over from the program (collected first).
class Child:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("child del", self.name)


class Phoenix:
    saved = []

    def __del__(self):
        print("phoenix del, resurrecting")
        Phoenix.saved.append(self)


class Spawner:
    def __del__(self):
        global spawned
        print("spawner del, spawning")
        spawned = Child("spawned at exit")


class Reader:
    def __del__(self):
        print("reader del sees", first.name, spawned.name)


first = Child("first")
phoenix = Phoenix()
spawner = Spawner()
spawned = None
reader = Reader()
left = Child("left in a cycle")
left.cycle = left
del left
pair = [Child("pair 1"), Child("pair 2")]
pair.append(pair)
print("end")
