import sys


class Celsius(float):
    def describe(self):
        return f"{self:.1f}C"


class Tag(str):
    pass


class Count(int):
    def __repr__(self):
        return f"Count({int(self)})"


class OnlyNew:
    def __new__(cls, value):
        print("OnlyNew.__new__", value)
        obj = super().__new__(cls)
        obj.value = value * 10
        return obj


class NewAndInit:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, value):
        print("init", value)
        self.value = value


class Problem(Exception):
    pass


class Stack(list):
    pass


temps = list(map(Celsius, [1, 2.5, "3"]))
print(temps, [t.describe() for t in temps], type(temps[0]).__name__)
print(sorted(["b", "a"], key=Tag), [type(t).__name__ for t in map(Tag, "xy")])
print(list(map(Count, [3, 1, 2])))
print(min([3, 1, 2], key=Count), max("abc", key=Tag))
made = list(map(OnlyNew, [1, 2]))
print([m.value for m in made])
both = [x.value for x in map(NewAndInit, "ab")]
print(both)
errors = list(map(Problem, ["x", "y"]))
print(errors, [e.args for e in errors])
stacks = list(map(Stack, ["ab", (1, 2)]))
print(stacks, type(stacks[1]).__name__)
print(sorted([OnlyNew(5), OnlyNew(3)], key=lambda o: o.value)[0].value)
c = Count(7)
print(sys.getrefcount(c), sys.getrefcount(Count))
print(dict(zip("ab", map(Count, [1, 2]))))
print(sum(map(Count, [1, 2, 3])))
