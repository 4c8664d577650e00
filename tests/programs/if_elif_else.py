# if / elif / else choosing one branch.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for n in range(-2, 13, 3):
    print(n, classify(n))

x = 7
if x % 2 == 0:
    print("even")
else:
    print("odd")
if x > 100:
    print("big")
print("done")
