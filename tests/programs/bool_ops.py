# not, and, or: short-circuit and return one of their operands.
a = True
b = False
print(not a, not b)
print(a and b, a or b)
print(b and a, b or a)
print(0 and 1, 0 or 1, 2 and 3, 2 or 3)
print("" or "default", "set" or "default")
print(None or 0, None and 0)
print(not 0, not 1, not "", not "x", not None, not ())


def loud(name, value):
    print("eval", name)
    return value


print(loud("p", False) and loud("q", True))
print(loud("p", True) or loud("q", True))
print(loud("p", True) and loud("q", 0) or loud("r", "end"))
x = 5
if x > 0 and x < 10:
    print("in range")
if not (x > 0 and x < 3) or x == 100:
    print("not small")
