# is / is not with None, True and other objects.
def nothing():
    pass


x = nothing()
print(x is None)
print(x is not None)
y = 0
print(y is None, y is not None)
print(y == False, y is False)
t = True
print(t is True, (1 < 2) is True)
s = "abc"
u = s
print(s is u, s is not u)
