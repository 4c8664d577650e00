# Messages of errors in formatting, dict building and star-unpacking.
for f in (lambda: "{x}".format(y=1), lambda: dict([1, 2]), lambda: {}.update([5]), lambda: [*1], lambda: (*1,), lambda: {*1}, lambda: print(*1), lambda: dict([(1, 2, 3)]), lambda: "{0}".format()):
    try:
        f()
    except (KeyError, TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, repr(e))
try:
    "{x}".format(y=1)
except KeyError as e:
    print(str(e), e.args)
