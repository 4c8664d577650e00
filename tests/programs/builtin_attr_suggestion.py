# An uncaught AttributeError on a built-in object suggests the close name.
numbers = [3, 1, 2]
numbers.apend(4)
