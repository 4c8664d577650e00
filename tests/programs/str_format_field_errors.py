# Errors of str.format's field parsing, as CPython raises them.
class Box:
    def __init__(self):
        self.items = [1, 2]

    def __getitem__(self, key):
        print("getitem", repr(key))
        if key == "bad":
            raise KeyError(key)
        return key


b = Box()
cases = [
    ("{0.}", (b,), {}),
    ("{0[}", (b,), {}),
    ("{0[]}", (b,), {}),
    ("{0[1]x}", (b,), {}),
    ("{0.missing}", (b,), {}),
    ("{0[bad]}", (b,), {}),
    ("{0[5]}", ([1, 2],), {}),
    ("{0[key]}", ({"other": 1},), {}),
    ("{0:{1:{2}}}", ("abc", "s", ""), {}),
    ("{!}", (1,), {}),
    ("{0!x}", (1,), {}),
    ("{0!rr}", (1,), {}),
    ("{0:{}}", (1, 2), {}),
    ("{:{0}}", (1, 2), {}),
    ("abc{", (), {}),
    ("{0", (1,), {}),
    ("{0:", (1,), {}),
    ("{0:{1}", (1, 2), {}),
    ("{a{b}", (), {"a": 1}),
    ("{99999999999999999999999}", (1,), {}),
    ("{0[99999999999999999999999]}", ([1],), {}),
    ("{0.items[1]}", (b,), {}),
    ("{0[x].real}", (b,), {}),
    ("{0[x]!r:>6}|", (b,), {}),
]
for template, args, kwargs in cases:
    try:
        print(repr(template), "->", repr(template.format(*args, **kwargs)))
    except Exception as e:
        print(repr(template), "->", type(e).__name__, e)
