# A generator suspended in a try at exit: the collector closes it (its
# finally runs) with the other finalizers; the globals were a real dict.
def counter():
    try:
        yield 1
        yield 2
    finally:
        print("counter closed")


class Tag:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


g = counter()
print(next(g))
t = Tag("tag")
names = globals()
print(sorted(k for k in names if not k.startswith("__")))
print("end")
