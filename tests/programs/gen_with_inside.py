# A with block inside a generator: closing the generator runs __exit__
# with GeneratorExit, then the generator's finally.
class Session:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind is not None and kind.__name__)
        return False


def rows():
    try:
        with Session("db"):
            yield "row 1"
            yield "row 2"
    finally:
        print("generator finally")


r = rows()
print(next(r))
r.close()
print("---")
for row in rows():
    print(row)
print("---")
r = rows()
print(next(r))
try:
    r.throw(KeyError("stop"))
except KeyError as error:
    print("KeyError out of the generator:", error)
