# An uncaught TypeError from adding an int to a str.
def label(n):
    return "item " + n


print(label("one"))
print('a' + 1)
