# round(number, ndigits) and pow(base, exp, mod) by keyword, with Argument
# Clinic's messages in its order.
for f in [lambda: round(), lambda: round(1, 2, 3), lambda: round(1.5, number=2), lambda: round(x=1), lambda: round(ndigits=1), lambda: round(2.675, ndigits=None),
          lambda: pow(2), lambda: pow(2, 3, 4, 5), lambda: pow(2, base=3), lambda: pow(2, 3, x=1), lambda: pow(exp=2, base=3), lambda: pow(2, exp=3, mod=None), lambda: round(1, 2, ndigits=3)]:
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)
print(round(3.14159, ndigits=2), round(number=2.5), round(1234, ndigits=-2), pow(2, 10, mod=7), pow(base=2, exp=5), pow(exp=2, base=3))
try:
    round(1.5, ndigit=1)
except TypeError as e:
    print("TypeError:", e)
