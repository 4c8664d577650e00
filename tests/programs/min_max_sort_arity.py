# min()/max() with no argument and list.sort() given a positional argument:
# CPython's messages.
for f in [lambda: min(), lambda: max(), lambda: min(key=len), lambda: max(default=1), lambda: min([], default=None, key=len), lambda: max(1, 2, default=3), lambda: min([1], x=2), lambda: [3, 1].sort(len), lambda: [].sort(1, reverse=True), lambda: max([], key=len)]:
    try:
        print(repr(f()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
