# An exception leaves the with block: __exit__ runs, then the traceback.
class Logged:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            print("exit saw no exception")
        else:
            print("exit saw", kind.__name__, value.args)


class NotAManager:
    pass


try:
    with NotAManager():
        pass
except TypeError as error:
    print("TypeError:", error)


def work(values):
    with Logged():
        return values[0] / values[1]


print(work([6, 3]))
print(work([1, 0]))
