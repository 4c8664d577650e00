# An exception inside a generator expression consumed by sum(): the
# traceback goes through the <genexpr> frame.
def ratio(pairs):
    return sum(a / b for a, b in pairs)


print(ratio([(1, 2), (3, 4)]))
try:
    ratio([(1, 0)])
except ZeroDivisionError as error:
    print("caught:", error)
print(ratio([(2, 1), (5, 0)]))
