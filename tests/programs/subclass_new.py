class Bounded(list):
    limit = 3

    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

b = Bounded([1, 2])
print(b, type(b).__name__)

class Tagged(dict):
    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        obj.created = True
        return obj

    def __init__(self, name):
        super().__init__(name=name)

t = Tagged('x')
print(t, t.created)

class Recorder(list):
    def __init__(self, *items):
        super().__init__(items)
        self.count = len(items)

r = Recorder(4, 5, 6)
print(r, r.count, r[1:], type(r[1:]).__name__)
r.sort(reverse=True)
print(r, r.index(5), r.copy(), type(r.copy()).__name__)
print(Recorder.__bases__, Recorder.count if hasattr(Recorder, 'count') else 'no class attr')
