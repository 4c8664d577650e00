# Subscripting objects that have no items: the TypeErrors students meet.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, IndexError) as error:
        print(label, type(error).__name__, error)

count = 5
nothing = None
ratio = 1.5
attempt("int str", lambda: count["a"])
attempt("None str", lambda: nothing["key"])
attempt("None int", lambda: nothing[0])
attempt("float", lambda: ratio[0])
attempt("function", lambda: attempt["x"])
attempt("builtin", lambda: len[0])
attempt("type int", lambda: int["a"])
attempt("type float", lambda: float[0])
attempt("big list index", lambda: [1, 2][10**20])
attempt("big negative", lambda: [1, 2][-10**20])
attempt("big str index", lambda: "ab"[10**30])
attempt("big tuple index", lambda: (1, 2)[2**63])
attempt("big range index", lambda: range(3)[2**64])
attempt("big negative range", lambda: range(3)[-2**70])

class Plain:
    pass

attempt("instance", lambda: Plain()["k"])
attempt("class", lambda: Plain["k"])
result = None
print(result["total"])
