# sys.exit() ends the program with a status and no traceback; caught, it
# is an ordinary exception with a `code`.
import sys
for args in ((), (3,), (None,), ("bye",), (1, 2)):
    try:
        raise SystemExit(*args)
    except SystemExit as error:
        print(args, error.code, error.args)
try:
    sys.exit(4)
except SystemExit as error:
    print("caught", error.code, type(error).__name__, isinstance(error, Exception))
try:
    sys.exit(1, 2)
except TypeError as error:
    print("TypeError:", error)
def finish():
    try:
        sys.exit("finished early")
    finally:
        print("finally runs first")
finish()
print("never printed")
