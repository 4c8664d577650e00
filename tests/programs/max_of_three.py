# Early returns from nested if statements.
def max2(a, b):
    if a > b:
        return a
    return b


def max3(a, b, c):
    return max2(max2(a, b), c)


print(max3(1, 2, 3))
print(max3(3, 2, 1))
print(max3(2, 3, 1))
print(max3(-5, -5, -5))
print(max3("pear", "apple", "fig"))
