# an exception in a __del__ called by gc.collect() is reported; the rest goes on
import gc

gc.collect()

class Fragile:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("finalizing", self.name)
        if self.name == "bad":
            raise RuntimeError("cannot finalize " + self.name)

Fragile("good")
Fragile("bad")
Fragile("also good")
print("collected", gc.collect())
print("end")
