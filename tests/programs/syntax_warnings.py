# SyntaxWarnings CPython 3.14 prints while compiling, before anything runs:
# invalid escapes (a Windows path, a regex), "is" with a literal (identity
# is not equality), "perhaps you missed a comma?", an assertion on a tuple,
# and PEP 765's return/break/continue leaving a finally block.
path = "C:\data\new_file.txt"
digits = "\d+\.\d*"
raw = r"\d+"
fmt = f"{path}\s"
late = """first line
second \q line"""
octal = "\777" if False else "ok"

x = 1000
if x is 1000:
    print("same object")
if x is not "1000":
    print("not the same")
print(x is None, x is True, x is -1)

matrix = [[1, 2] [0], [3, 4]]
try:
    points = [(1, 2) (3, 4)]
except TypeError as e:
    print("TypeError:", e)
try:
    print([1, 2]["a"])
except TypeError as e:
    print("TypeError:", e)

assert (x > 0, "x must be positive")


def first_positive(numbers):
    for n in numbers:
        try:
            if n > 0:
                return n
        finally:
            if n is 0:
                print("zero seen")
    return None


def stubborn():
    try:
        return "try"
    finally:
        return "finally"


for i in range(3):
    try:
        pass
    finally:
        continue

print(matrix, first_positive([0, 5]), stubborn())
print(len(path), digits, raw, fmt, late, octal)
