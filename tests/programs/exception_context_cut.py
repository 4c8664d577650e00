# Re-raising an exception that is already in the handled one's context
# chain: CPython cuts that link and still sets the new context.
class E(Exception):
    pass


a = E("a")
b = E("b")
try:
    try:
        raise a
    except E:
        raise b
except E:
    pass
try:
    try:
        raise b
    except E:
        raise a
except E as x:
    print(x, x.__context__, x.__context__.__context__)

c = E("c")
try:
    try:
        raise c
    except E:
        try:
            raise E("d")
        except E as d:
            raise c
except E as y:
    print(y, y.__context__, y.__context__.__context__ is None)
    raise y
