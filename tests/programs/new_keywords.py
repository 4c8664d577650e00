class Point:
    def __new__(cls, x=0, y=0):
        print("new", x, y)
        return super().__new__(cls)

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

p = Point(y=5)
print(p.x, p.y)
q = Point(1, y=2)
print(q.x, q.y)
try:
    Point(z=1)
except TypeError as e:
    print("TypeError:", e)

class Wrapper:
    def __new__(cls, value, *, label):
        if label == 'raw':
            return value
        obj = super().__new__(cls)
        obj.label = label
        return obj

    def __init__(self, value, *, label):
        self.value = value

w = Wrapper(3, label='wrapped')
print(w.value, w.label)
print(Wrapper([1], label='raw'))
