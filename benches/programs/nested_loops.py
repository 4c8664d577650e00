total = 0
for i in range(600):
    for j in range(600):
        total = total + (i * j) % 7 - j // 3
print(total)
