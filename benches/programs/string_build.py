# Build strings by concatenation and joining parts in a list.
parts = []
text = ""
for i in range(40000):
    piece = str(i % 10)
    text = text + piece
    parts.append(piece)
print(len(text), len(parts))
