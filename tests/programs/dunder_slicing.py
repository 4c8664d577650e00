# __getitem__ and __setitem__ receive slice objects for a[i:j] and a[i:j:k].
class Recorder:
    def __init__(self):
        self.data = list(range(10))

    def __getitem__(self, key):
        print("get", key)
        return self.data[key]

    def __setitem__(self, key, value):
        print("set", key, value)
        self.data[key] = value


r = Recorder()
print(r[2], r[1:4], r[::3], r[-2:])
r[0:2] = ["a", "b"]
r[5] = "five"
print(r.data)
s = slice(2, 8, 2)
print(r[s], s.start, s.stop, s.step)
