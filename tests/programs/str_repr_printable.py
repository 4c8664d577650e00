# repr() escapes what CPython's Py_UNICODE_ISPRINTABLE rejects: unassigned
# code points too, beside controls, formats, separators and private use.
chars = ["\u0378", "\ufdd0", "\uffff", "\U0010ffff", "\u00ad", "\u2028", "\u3000",
         "\u061c", "\U000e0001", "\ue000", "\U0001f600", "\u0345", "é", "\x7f", "~", "\u00a0"]
for c in chars:
    print(repr(c), ascii(c), c.isprintable())
print(repr("".join(chars)))
print(["\u0378x", "a\u3000b"], {"\ufdd0": "\u2029"})
