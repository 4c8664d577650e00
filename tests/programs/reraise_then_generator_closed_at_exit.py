# A `RERAISE` whose exception ends the program, then a generator suspended
# in an `except` block closed at exit: GeneratorExit meets that block's
# cleanup handler, which takes the generator's own instruction (the
# re-raise's belonged to the module frame that is gone).
def handler():
    try:
        raise TypeError("inside")
    except TypeError:
        yield "suspended in the handler"
        raise


h = handler()
print(next(h))
try:
    raise ValueError("no")
except IndexError:
    pass
