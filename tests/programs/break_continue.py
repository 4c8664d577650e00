# break leaves the loop, continue skips to the next iteration.
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i)

n = 0
while True:
    n = n + 1
    if n == 3:
        continue
    if n > 5:
        break
    print("n =", n)

for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
