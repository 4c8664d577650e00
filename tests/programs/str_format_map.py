# str.format_map: fields looked up in the mapping itself (no copy), so a
# dict subclass's __missing__ or a class with __getitem__ answers.
class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        return "<" + key + ">"


class Lookup:
    def __getitem__(self, key):
        print("lookup", key)
        if key == "boom":
            raise KeyError(key)
        return key.upper()


point = {"x": 1, "y": 2}
print("({x}, {y})".format_map(point))
print("{name} is {age}".format_map(Default(name="Ann")))
print("{a}-{b:>4}-{c!r}".format_map(Lookup()))
print("{x[0]}".format_map({"x": [7]}), "{d.real}".format_map({"d": 3}))
for template, mapping in [("{0}", {}), ("{}", {}), ("{boom}", Lookup()), ("{z}", point)]:
    try:
        print(template.format_map(mapping))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    "x".format_map()
except TypeError as e:
    print("TypeError:", e)
try:
    "x".format_map({}, {})
except TypeError as e:
    print("TypeError:", e)
try:
    "{x}".format_map([1])
except TypeError as e:
    print("TypeError:", e)
