# Tracebacks of expressions that span lines: every line shown, carets on
# each, long spans abbreviated, as CPython 3.14 prints them.
def total(values,
          start):
    return sum(values) + start


def build():
    return {"a": 1,
            "b": [1,
                  2,
                  3,
                  4],
            "c": 3}


try:
    x = (1 +
         "two")
except TypeError as error:
    print("caught", error)
data = build()
result = total(
    data["b"],
    data[
        "missing"
    ],
)
