# A builtin called with a misspelled keyword: CPython 3.14's message, with
# its "Did you mean" when a parameter is close enough.
calls = [
    lambda: print(1, sepp="-"),
    lambda: print(1, flsh=True),
    lambda: sorted([2, 1], keyy=len),
    lambda: sorted([2, 1], reversed=True),
    lambda: min([1], keyy=abs),
    lambda: max([1], defualt=0),
    lambda: enumerate([], strat=1),
    lambda: zip([], strict1=True),
    lambda: print(1, xyz=2),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def area(width, height=1, *, units="cm"):
    return width * height


for call in (lambda: area(2, heigth=3), lambda: area(2, unit="m"), lambda: area(2, zzz=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
