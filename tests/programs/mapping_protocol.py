# A class that looks like a mapping (keys() and __getitem__) but is not a
# dict: dict(), update(), |=, {**m} and f(**m) ask it for keys, then items.
class Settings:
    def __init__(self, **values):
        self.values = values

    def keys(self):
        print("keys() called")
        return list(self.values)

    def __getitem__(self, key):
        print("getting", key)
        return self.values[key]


config = Settings(width=80, height=24)
copy = dict(config)
print(copy)

merged = {"width": 100, "color": "blue"}
merged.update(config)
print(merged)

merged |= Settings(depth=3)
print(merged)

print({**config, "extra": True})


def show(width, height):
    return f"{width}x{height}"


print(show(**config))


class Tally:
    """keys() as a generator, values computed on demand."""

    def keys(self):
        for letter in "abc":
            yield letter

    def __getitem__(self, key):
        return ord(key) - ord("a")


counts = dict(Tally())
print(counts)
counts.update(Tally(), a=10)
print(counts)

# dict(pairs) still works for a class without keys().
class Pairs:
    def __iter__(self):
        return iter([("x", 1), ("y", 2)])

print(dict(Pairs()))
