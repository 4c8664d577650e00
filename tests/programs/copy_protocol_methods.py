# __copy__, __deepcopy__, __reduce__, __reduce_ex__, __getstate__ and
# __setstate__ defined in a class are ordinary methods: nothing calls them
# implicitly without the copy or pickle modules, but code can call them.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __copy__(self):
        print("copying", self)
        return Point(self.x, self.y)

    def __deepcopy__(self, memo):
        print("deep copying with memo", memo)
        memo[id(self)] = result = Point(self.x, self.y)
        return result

    def __reduce__(self):
        return (Point, (self.x, self.y))

    def __reduce_ex__(self, protocol):
        print("protocol", protocol)
        return self.__reduce__()

    def __getstate__(self):
        return {"x": self.x, "y": self.y, "saved": True}

    def __setstate__(self, state):
        self.x = state["x"]
        self.y = state["y"]


p = Point(1, 2)
q = p.__copy__()
print(q, q is p)
r = p.__deepcopy__({})
print(r, r is p)
factory, args = p.__reduce_ex__(4)
rebuilt = factory(*args)
print(rebuilt, factory is Point)
state = p.__getstate__()
print(state)
blank = Point(0, 0)
blank.__setstate__(state)
print(blank)


class Counter:
    count = 0

    def __getstate__(self):
        Counter.count += 1
        raise TypeError("cannot save a Counter")


try:
    Counter().__getstate__()
except TypeError as error:
    print("error:", error, Counter.count)


class Child(Point):
    def __getstate__(self):
        state = super().__getstate__()
        state["child"] = True
        return state


print(Child(5, 6).__getstate__())
print(Child(5, 6).__copy__())
print(sorted(k for k in vars(Point) if k.startswith("__") and "state" in k))
