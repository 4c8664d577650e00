# str.title/capitalize/swapcase/casefold/islower/isupper/istitle with CPython's
# Unicode case rules: titlecase digraphs, full foldings, the final sigma.
for s in ["ǆemal", "ﬁne ﬂow", "ΣΑΣ ΟΔΟΣ", "straße", "İstanbul", "hello wORLD 3rd-party o'neil", "ǅ", "ŉ", "ΌΣΟΣ Σ", "aΣ.", "1a 2B", "ᾳ ᾼ"]:
    print(repr(s), s.title(), s.capitalize(), s.swapcase(), s.lower(), s.upper(), s.casefold(), s.istitle(), s.islower(), s.isupper())
print("hello wORLD".title(), "they\x27re".title(), "ABC def".swapcase(), "Straße".casefold(), "ǅ".istitle(), "ǅa".islower(), "Aǅ".isupper())
