# str.maketrans and str.translate: tables from one dict, two or three
# strings; any mapping (its __getitem__ runs); None deletes a character.
text = "Hello, World! How are you?"
no_punct = str.maketrans("", "", ",!?")
print(text.translate(no_punct))
rot = str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")
print("hello".translate(rot), "uryyb".translate(rot))
table = str.maketrans({"a": "4", "e": None, ord("o"): 48, "l": "LL"})
print(sorted(table.items()), "hello there".translate(table))
print("abc".translate({97: "xyz", 98: None}), "same".translate({}), "".translate(rot))
s = "unchanged"
print(s.translate({ord("z"): "Z"}) is s, "".maketrans("ab", "ba") == str.maketrans("ab", "ba"))


class Shout:
    def __getitem__(self, code):
        print("lookup", chr(code))
        if chr(code) in "aeiou":
            return chr(code).upper()
        raise LookupError(code)


print("radio".translate(Shout()))
for args in [("ab", "c"), ("a",), (1, "b"), ({"ab": "x"},), ({1.5: "x"},), ("a", "b", 3)]:
    try:
        print(str.maketrans(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for table in [{97: 3.5}, {97: -1}, {97: 0x110000}, [1, 2]]:
    try:
        print(repr("abc".translate(table)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
