# globals() mutation while functions read names, NameError suggestions, locals()
def show():
    return alpha + beta

globals()["alpha"] = 1
globals()["beta"] = 2
print(show())
globals()["alpha"] = 100
print(show())
ns = locals()
ns["gamma"] = "set through locals()"
print(gamma)

def inner():
    loc = locals()
    print(sorted(loc), "gamma" in globals())

inner()
del globals()["beta"]
try:
    show()
except NameError as e:
    print("NameError:", e)
globals()["totals"] = 3
try:
    print(total)
except NameError as e:
    print(e)
print(total)
