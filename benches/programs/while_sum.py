def count(n):
    i = 0
    s = 0
    while i < n:
        s = s + i * 2
        i = i + 1
    return s


print(count(1000000))
