def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)


def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)


print(countdown(500))
