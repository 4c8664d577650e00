# Tricky: unhashable members raise TypeError; set() of a string, of a dict.
try:
    {[1, 2]}
except TypeError as e:
    print(e)
try:
    s = set()
    s.add({})
except TypeError as e:
    print(e)
print(set("mississippi") == set(["m", "i", "s", "p"]))
print(set({"a": 1, "b": 2}) == {"a", "b"})
print({1, 1.0, True}, {0, 0.0, False, -0.0})
print(len({(1, 2), (1, 2), (2, 1)}))
