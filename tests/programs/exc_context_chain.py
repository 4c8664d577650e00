try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e), repr(e.__context__))
d = {}
try:
    d["key"]
except KeyError:
    undefined_function()
