# The name bound by `except ... as e` is deleted when the handler ends.
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside:", e)
try:
    print(e)
except NameError as problem:
    print("NameError:", problem)
