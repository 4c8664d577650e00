# __del__ runs the moment the last reference goes
import gc

class Noisy:
    def __init__(self, name):
        self.name = name
        print("made", name)

    def __del__(self):
        print("__del__", self.name)

a = Noisy("a")
b = a
del a
print("a deleted, b still refers")
del b
print("after del b")
c = Noisy("c")
c = Noisy("c2")
print("rebound c")
def scope():
    local = Noisy("local")
    print("leaving scope")
scope()
print("after scope")
items = [Noisy("in list 1"), Noisy("in list 2")]
items.pop()
print("popped")
items = None
print("list dropped")
x = Noisy("cycle")
x.self_ref = x
del x
print("cycle not freed yet")
print("collected", gc.collect() > 0)
last = Noisy("kept to the end")
print("end of program")
