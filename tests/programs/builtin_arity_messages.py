# The TypeError a builtin raises when given the wrong number of arguments:
# METH_O functions say "exactly one argument", Argument Clinic ones
# "expected N arguments, got M".
import sys

calls = [
    (id, ()), (id, (1, 2)), (len, ()), (len, ("ab", 1)), (abs, (1, 2)),
    (repr, ()), (callable, (1, 2)), (chr, ()), (ord, ("a", "b")),
    (hex, ()), (bin, (1, 2)), (oct, ()), (any, ()), (all, ([], [])),
    (sys.getrefcount, ()), (isinstance, (1,)), (isinstance, (1, int, 2)),
    (divmod, (1,)), (sorted, ()), (reversed, ()), (reversed, ([], [])),
]
for function, args in calls:
    try:
        function(*args)
    except TypeError as error:
        print(error)
