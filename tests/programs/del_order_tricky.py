# __del__ order: containers release items last first, frames their locals,
# rebinding drops the old value after the new one is bound
class Tag:
    def __init__(self, label):
        self.label = label
    def __del__(self):
        print("del", self.label)

def make_and_drop():
    first = Tag("first local")
    second = Tag("second local")
    print("returning")
    return "done"

print(make_and_drop())
t = (Tag("t0"), Tag("t1"), Tag("t2"))
t = None
l = [Tag("l0"), Tag("l1")]
l.clear()
d = {"x": Tag("dx"), "y": Tag("dy")}
del d
x = Tag("old")
x = Tag("new")
print("rebound")

def dropper():
    inner = Tag("inner")
    outer = Tag("outer")
    inner.partner = Tag("partner of inner")
    return outer

kept = dropper()
print("kept", kept.label)
kept = Tag("replacement")

class Chain:
    def __init__(self, n):
        self.n = n
        self.next = Chain(n - 1) if n else None
    def __del__(self):
        print("chain", self.n)

c = Chain(3)
del c
print("end")
