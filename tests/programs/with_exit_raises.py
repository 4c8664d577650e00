# Tricky: __exit__ raising while handling, and truthy non-bool returns.
class Faulty:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is not None:
            raise RuntimeError("exit failed")
        return None


class Truthy:
    def __init__(self, answer):
        self.answer = answer

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print("exit returns", repr(self.answer))
        return self.answer


try:
    with Faulty():
        raise KeyError("body")
except RuntimeError as error:
    print(repr(error), "context:", repr(error.__context__))

for answer in ["yes", 1, [], 0, "", [0]]:
    try:
        with Truthy(answer):
            raise ValueError(answer)
        print("suppressed")
    except ValueError:
        print("propagated")


def early():
    for i in range(3):
        with Truthy(False):
            if i == 1:
                return "returned at " + str(i)
    return "never"


print(early())
with Faulty():
    raise IndexError("uncaught in the end")
