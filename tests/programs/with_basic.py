# with statements on context manager classes.
class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("<" + self.name + ">")
        return self.name + "!"

    def __exit__(self, kind, value, tb):
        print("</" + self.name + ">", kind, value)
        return False


with Tag("p") as text:
    print("inside", text)

with Tag("outer"), Tag("inner") as inner:
    print("nested", inner)

with Tag("b"):
    pass


def read(name):
    with Tag(name) as upper:
        return upper + "!"


print(read("r"))
for i in range(3):
    with Tag("loop" + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
print("done")
