# Methods looked up on the type take their object as the first argument.
words = []
list.append(words, "spam")
list.extend(words, ["eggs", "ham"])
print(words, list.append, str.upper)
print(str.upper("abc"), str.join(", ", words), dict.get({"k": 1}, "k"))
print(list.__len__(words), int.__add__(1, 2), float.__mul__(2.0, 3))
print(list(map(str.upper, words)), sorted(words, key=str.__len__))
print(set.union({1}, {2}), bytes.hex(b"\x01\xff"))
try:
    list.append((1, 2), 3)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    str.upper()
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__add__()
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__neg__(2)
except TypeError as e:
    print("TypeError:", e)
add = int.__add__
print(add(2, 3), add.__name__, add.__objclass__)
