# Tricky: finally runs after the return value is computed, and before it is
# handed back; an exception in finally replaces the one in flight.
def f():
    x = "try value"
    try:
        return x
    finally:
        x = "changed in finally"
        print("finally sees", x)


def g():
    try:
        1 / 0
    finally:
        print("cleanup before the error leaves")


def h():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally", i)
    return i


def k():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")


print(f())
print(h())
try:
    g()
except ZeroDivisionError as e:
    print("g raised", e)
try:
    k()
except ValueError as e:
    print("k raised", repr(e), "context", repr(e.__context__))
