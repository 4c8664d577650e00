# match on sequences (fixed, starred) and mappings (keys, **rest).
def shape(point):
    match point:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *middle, last]:
            return f"first {first} last {last} middle {middle}"
        case _:
            return "not a sequence"


for p in [[], [1], (1, 2), [1, 2, 3, 4], "ab", range(3), {"a": 1}]:
    print(shape(p))


def command(message):
    match message:
        case {"action": "move", "to": [x, y]}:
            return f"move to {x},{y}"
        case {"action": "say", "text": str(text), **rest}:
            return f"say {text} with {rest}"
        case {"action": action}:
            return f"unknown action {action}"
        case _:
            return "not a command"


for m in [{"action": "move", "to": [3, 4]}, {"action": "say", "text": "hi", "loud": True},
          {"action": "jump"}, {"act": 1}, [1]]:
    print(command(m))
