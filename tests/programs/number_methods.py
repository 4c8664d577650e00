# The small methods and attributes of numbers.
print((5).bit_count(), (-5).bit_count(), (0).bit_count(), (2**100 - 1).bit_count())
print((10).bit_length(), (-10).bit_length(), True.bit_length())
print((5).as_integer_ratio(), (-7).as_integer_ratio(), True.as_integer_ratio())
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e-3).as_integer_ratio())
print((5).is_integer(), (2.0).is_integer(), (2.5).is_integer(), float('inf').is_integer())
print((5).conjugate(), (1.5).conjugate(), True.conjugate(), (1+2j).conjugate())
print((5).real, (5).imag, (5).numerator, (5).denominator)
print((1.5).real, (1.5).imag, (2j).real, (2j).imag)
print(True.real, True.imag, True.numerator, True.denominator)
print(type(True.real).__name__, type(True.conjugate()).__name__)
n = 10**20
print(n.real is n, n.numerator is n, n.conjugate() is n)
f = 2.5
print(f.real is f, f.conjugate() is f)
for bad in [float('inf'), float('nan')]:
    try:
        bad.as_integer_ratio()
    except Exception as e:
        print(type(e).__name__, e)
print(int.bit_count(7), float.is_integer(3.0), int.as_integer_ratio(3))
