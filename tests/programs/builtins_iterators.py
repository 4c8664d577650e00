names = ["ann", "bob", "cy"]
for i, name in enumerate(names):
    print(i, name)
for i, name in enumerate(names, start=1):
    print(i, name)
print(list(enumerate("ab", 10)))
ages = [31, 25]
for name, age in zip(names, ages):
    print(name, age)
print(list(zip([1, 2, 3], "abc", (True, False, None))))
print(list(reversed(names)), list(reversed((1, 2))), list(reversed("xyz")))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
print(sum(range(101)), max(range(5)), min(x for x in [3, 1] if True) if False else 0)
print(sorted(zip([3, 1, 2], "cab")))
