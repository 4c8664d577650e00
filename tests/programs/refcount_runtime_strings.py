# Strings built at run time are new objects; getrefcount sees every reference.
# (Strings that CPython also uses internally, like "py" or "spam", are static immortals
# there; these are not.)
import sys

base = "lecture"
made = base + " notes"
print(sys.getrefcount(made))
alias = made
print(sys.getrefcount(made))
pair = (made, made)
print(sys.getrefcount(made))
del alias
print(sys.getrefcount(made))


def inside(s):
    return sys.getrefcount(s)


print(inside(made))
print(sys.getrefcount(base))
