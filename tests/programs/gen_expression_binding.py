# Tricky: a generator expression evaluates its first iterable at once, and
# looks up every other name only when it runs.
x = [1, 2, 3]
n = 2
g = (i * n for i in x)
n = 10
x = [100, 200]
print(list(g))
print(list(g))

rows = [[1, 2], [3, 4]]
pairs = (a * b for a in rows[0] for b in rows[1])
rows[1] = [5, 6]
print(list(pairs))


def make():
    base = 1
    result = (base + k for k in range(3))
    base = 100
    return result


print(list(make()))
try:
    broken = (1 / d for d in [1, 0, 2])
    print("created without error")
    print(list(broken))
except ZeroDivisionError as error:
    print("raised only when consumed:", error)
