# An uncaught assertion failure: its traceback names the assert line.
def average(values):
    assert len(values) > 0, "no values"
    return sum(values) / len(values)


print(average([1, 2, 3]))
print(average([]))
