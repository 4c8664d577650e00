# printf-style %c and float floor division folded at compile time.
print("%c%c|%3c|%-3c|" % (72, "i", "x", "y"), "%c" % 0x1F600)
for args in [("ab",), (1.5,), (-1,), (0x110000,), ([],)]:
    try:
        print("%c" % args)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(7 // 0.5, 7.0 // 0.5, -7 // 0.5, 6 // 2.0, 1 // 0.1, 0.5 // 0.25, 3 // 0.75, -3 // 0.75)
print(7 % 0.5, -7 % 0.5, 7.5 % 2, -0.0 // 1.0, 0.0 // -1.0, 5.0 // -2.5, 1e300 // 1e-300)
x, y = 7, 0.5
print(x // y == 7 // 0.5, divmod(7, 0.5), divmod(-6, 2.0))
