# colliding user hashes: every lookup compares with each stored key in turn
class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return 42
    def __eq__(self, other):
        print(f"  {self.name} == {other.name}?")
        return self.name == other.name

keys = [Key("a"), Key("b"), Key("c")]
d = {}
for k in keys:
    print("insert", k.name)
    d[k] = k.name.upper()
print("lookup c")
print(d[Key("c")])
print("lookup z")
print(Key("z") in d)
print("delete b")
del d[Key("b")]
print([k.name for k in d])
print("set")
s = set()
for name in "abca":
    print("add", name)
    s.add(Key(name))
print(sorted(k.name for k in s))
