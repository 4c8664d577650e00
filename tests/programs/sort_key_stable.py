# Tricky: sorting with a Python key function is stable, reverse keeps equal order.
words = ["pear", "fig", "apple", "kiwi", "date", "banana", "plum"]


def length(w):
    return len(w)


print(sorted(words, key=length))
print(sorted(words, key=length, reverse=True))
print(sorted(words, key=lambda w: w[-1]))
words.sort(key=lambda w: (len(w), w))
print(words)
pairs = [(2, "b"), (1, "a"), (2, "a"), (1, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
calls = []


def noisy(x):
    calls.append(x)
    return -x


print(sorted([3, 1, 2], key=noisy), calls)
print(sorted("hello", key=str), sorted([3, -1, 2], key=abs))
