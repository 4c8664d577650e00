a = "hello"
b = a
a = "world"
b = "world"
