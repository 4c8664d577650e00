# Output without a final newline, built from partial lines.
for i in range(3):
    print(i, end="")
print(end="\n")
print("a", "b", sep="")
print("tail", end="")
