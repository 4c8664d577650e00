# An uncaught NameError for a name that was never assigned.
x = 1
print(x)
print(undefined_name)
print("not reached")
