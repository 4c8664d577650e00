# A key function that raises stops the sort and leaves the list unchanged.
data = [3, 1, 2]


def bad(x):
    if x == 2:
        raise ValueError("no twos")
    return x


try:
    data.sort(key=bad)
except ValueError as e:
    print("ValueError:", e)
print(data)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
print(sorted([], key=bad), sorted([5], key=bad))
