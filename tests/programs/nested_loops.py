# Loops inside loops: a small multiplication table.
for i in range(1, 6):
    line = ""
    for j in range(1, 6):
        line = line + str(i * j) + " "
    print(line)

count = 0
i = 0
while i < 10:
    for j in range(i):
        count = count + 1
    i = i + 1
print(count)
