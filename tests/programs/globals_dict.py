# globals() is the module's namespace: reads and writes go both ways
import sys

x = 10
g = globals()
print(type(g) is dict, g is globals(), g is locals(), g is vars())
print(g["x"], "x" in g, "nope" in g, g["__name__"])
g["y"] = 20
print(y)
x = 11
print(g["x"])
del g["y"]
try:
    print(y)
except NameError as e:
    print("NameError:", e)
g.update(z=5) if False else None
g["counter"] = 0

def bump():
    global counter
    counter += 1
    return globals()["counter"]

print(bump(), bump(), counter)
value = [1, 2]
print(sys.getrefcount(value))
print(g.get("value") is value, g.get("missing", "default"))
names = [k for k in g if not k.startswith("__")]
print(names)
del x
print("x" in globals())
for name in ["p", "q"]:
    globals()[name] = name.upper()
print(p, q)
print(len(g) - len(names))
