a = [1, 'two', 3.0, None, True, (4, 5), [6, [7]]]
print(a)
print(repr(a))
print(str(a))
b = []
print(b, [b], [[], []])
print(['it\'s', "q\"uote"])
