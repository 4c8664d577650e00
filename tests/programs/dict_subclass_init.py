# A dict subclass made from pairs, zip(), another dict or keywords: the
# same dict_update_arg rules as dict() itself.
class Registry(dict):
    def register(self, name, value):
        self[name] = value
        return self


pairs = Registry([("a", 1), ("b", 2)])
print(pairs, type(pairs).__name__, len(pairs))
zipped = Registry(zip("xyz", range(3)))
print(zipped)
copied = Registry({"k": 2}, extra=3)
print(copied, copied.register("n", 4))
print(Registry(), Registry(name="solo"))
print(Registry([[1, 2], "ab", (3, 4)]))
print(isinstance(pairs, dict), pairs == {"a": 1, "b": 2})

for bad in ([1, 2], [(1, 2, 3)], 5):
    try:
        Registry(bad)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)

Registry([("only",)])
