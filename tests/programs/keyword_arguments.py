# Calling a function with keyword arguments, and print's sep and end.
def describe(name, count):
    return name + ": " + str(count)


print(describe("apples", 3))
print(describe(count=5, name="pears"))
print(describe("plums", count=7))
print(1, 2, 3, sep=", ", end=".\n")
