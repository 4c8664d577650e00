# A deep traceback: CPython folds identical entries after three
# ("[Previous line repeated N more times]"). The depth is fixed here, not the
# recursion limit, since the oracle's own driver frames count against that.
def countdown(n):
    if n == 0:
        raise ValueError("reached the bottom")
    return countdown(n - 1)


def outer():
    countdown(50)


outer()
