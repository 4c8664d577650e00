# Summing a range with a for loop, at module level and in a function.
total = 0
for i in range(1000):
    total = total + i
print(total)


def sum_to(n):
    s = 0
    for k in range(n + 1):
        s = s + k
    return s


print(sum_to(100))
print(sum_to(0))
