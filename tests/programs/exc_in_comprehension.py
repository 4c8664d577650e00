# Tricky: an exception inside an inlined comprehension restores the
# comprehension's variable and propagates.
x = "outer"
try:
    values = [10 // x for x in [1, 2, 0, 4]]
except ZeroDivisionError as e:
    print("failed:", e)
print(x)
data = {"a": 1}
try:
    print([data[k] for k in ["a", "b"]])
except KeyError as e:
    print("missing", e)
print([1 / y for y in [1, 0]])
