# globals() from inside functions, global statements and the module dict agree
counter = 0

def increment():
    global counter
    counter += 1
    g = globals()
    g["last_caller"] = "increment"
    return g["counter"]

print(increment(), increment())
print(last_caller, counter)

def define(name, value):
    globals()[name] = value

define("dynamic", [1, 2])
print(dynamic)
print("define" in globals(), callable(globals()["define"]))
del globals()["dynamic"]
try:
    dynamic
except NameError as e:
    print(e)
module_names = globals()
module_names.setdefault("fresh", "made by setdefault")
print(fresh)
print(module_names.pop("fresh"), "fresh" in module_names)
print(sorted(k for k in globals() if k.islower() and not k.startswith("_")))
