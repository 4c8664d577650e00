# Building strings with +, at module level and in a function.
greeting = "hello"
name = "world"
message = greeting + ", " + name + "!"
print(message)
print(len(message))

s = ""
for i in range(5):
    s = s + str(i)
print(s)


def wrap(text):
    return "[" + text + "]"


print(wrap(s))
print(wrap(""))
print(wrap(wrap("x")))
