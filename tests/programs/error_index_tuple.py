# An IndexError from a subscript inside a function called from an assignment.
def third(items):
    return items[2]


pair = (1, 2)
value = third(pair)
print(value)
