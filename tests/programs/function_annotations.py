# PEP 649: a function's annotations are computed when first asked for.
def area(width: float, height: float = 1.0) -> float:
    return width * height

print(area.__annotations__)
print(area.__annotations__ is area.__annotations__)
print(area(3, 2))

def plain(a, b):
    return a + b

print(plain.__annotations__, plain.__annotate__)
print(plain.__annotations__ is plain.__annotations__)

def kinds(*args: int, key: str = 'k', **kw: bool) -> None:
    pass

print(kinds.__annotations__)
print(list(kinds.__annotations__))
print((lambda x: x).__annotations__)
