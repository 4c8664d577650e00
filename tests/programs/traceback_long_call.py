# A call spread over many lines: the middle of it is abbreviated.
def check(*values):
    raise ValueError(f"{len(values)} values are too many")


check(
    1,
    2,
    3,
    4,
    5,
    6,
)
