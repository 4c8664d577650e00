# match: literals, captures, wildcards, or-patterns, guards and values.
def describe(value):
    match value:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() | int():
            return "number"
        case str() as text if len(text) > 3:
            return f"long text {text!r}"
        case _:
            return "something else"


for v in [0, 2, "hello", True, None, -5, 2.5, 10, "abcd", "ab", [1]]:
    print(repr(v), describe(v))
