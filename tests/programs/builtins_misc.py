print(any([0, "", None]), any([0, 1]), all([1, "x"]), all([]), any([]))
print(chr(65), chr(955), ord("A"), ord("λ"))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(callable(print), callable(len), callable(3), callable(lambda: 0))
print(hex(255), bin(10), oct(8), hex(-42), bin(0))
print(abs(-7), abs(3.5), min(3, 1, 2), max("a", "b"))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
