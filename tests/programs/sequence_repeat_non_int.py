# a sequence times something that is no int: CPython's sequence_repeat message
for a, b in [([1], [2]), ([1], None), ("a", 1.0), ((1,), "x"), (2.5, [1])]:
    try:
        a * b
    except TypeError as e:
        print(e)
