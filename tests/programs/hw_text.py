text = """The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs away!  Quick, quick..."""
words = [w.strip(".,;!").lower() for w in text.split()]
words = [w for w in words if w]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print(len(words), len(set(words)))
print(" ".join(reversed(text.splitlines()[0].split())))
print(text.count("the"), text.lower().count("the"), text.find("fox"), text.rfind("fox"))
print(text.title()[:30], text.upper()[-10:])
print(text.replace("quick", "slow", 1)[:25])
print(max(words, key=len), min(words, key=len))
print([w.capitalize() for w in words[:4]])
print("-".join(sorted(set("mississippi"))), "mississippi".index("ss"))
vowels = sum(1 for c in text.lower() if c in "aeiou")
print(vowels, text.isascii(), "abc".isalpha(), "123".isdigit(), " ".isspace())
print("%s has %d chars, %.1f%% vowels" % ("text", len(text), 100 * vowels / len(text)))
print(text.partition(";"), "a,b,,c".split(","), "  pad ".strip(), "x".center(7, "-"))
print("abc"[::-1], "hello world"[3:8], "hello"[10:], list(enumerate("ab", start=1)))
print(sorted(words, key=str.lower)[:6])
print(ord("A"), chr(97), "ß".upper(), "İ".lower(), len("İ".lower()))
print("Tab\there", repr("quote'\"s"), ascii("é"), "{0}{1}{0}".format("ab", "cd"))
