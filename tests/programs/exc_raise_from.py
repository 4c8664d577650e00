def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise TypeError("not a number: " + text) from e


print(parse("12"))
try:
    parse("x")
except TypeError as e:
    print(e, "caused by", repr(e.__cause__))
parse("oops")
