# CPython's Unicode classes in str.isdigit/isdecimal/isnumeric/isalpha/isalnum/
# isspace/isidentifier/isprintable, and the Unicode digits and spaces that
# int()/float()/complex() read; int(s)'s underscore rules.
for s in ["²", "①", "٣", "５", "一", "Ⅻ", "½", "\u0345", "ǅ", "x²", "\u00a0", "\u200b", "\x1c", "ª"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(), s.isprintable(), s.islower(), s.isupper(), s.istitle())
print(int("٣٤"), int("１２"), float("１.５"), int(" ７ "))
for s in ["1__0", "_1", "1_", "-_1", "1_000", " +5 ", "٣٤", "１２", " ７ ", "\u00a012\u2003", "12\x1c", "\x0b7\x0c", "0x10", "010", "-0", "1e3", "", " ", "٣x", "12\u00e9"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for s in ["１.５", "٣.٥e١", " 2.5\u2003", "1_0.5", "nan", "-inf", "1.5x", "\u00a0"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
print(int("٣٤", 8), int("ff", 16), int("0b１", 0) if False else 0, complex("１+２j"))
for s in ["a b\u00a0c\u2003d\x1ce", "\u3000x\u3000", "x\u200by", "\x85y\x85"]:
    print(s.split(), repr(s.strip()), s.isspace())
print("Ⅻ".isalpha(), "ǅ".isalpha(), "\u0345".isalnum(), "一".isnumeric(), "x²".isidentifier(), "℘".isidentifier(), "·a".isidentifier(), "a·".isidentifier())
print("\u0378".isprintable(), "\u00ad".isprintable(), "\ue000".isprintable(), "é".isprintable(), "\u2028".isprintable())
