# Slicing lists, tuples and strings: steps, negative bounds, out-of-range bounds.
a = [0, 1, 2, 3, 4, 5, 6, 7]
print(a[2:5], a[:3], a[5:], a[:], a[::2], a[1::3])
print(a[-3:], a[:-3], a[-1:-4:-1], a[::-1], a[::-3])
print(a[10:], a[-100:2], a[5:2], a[2:100:2])
t = (10, 20, 30, 40)
print(t[1:3], t[::-1], t[:0], t[:] is t)
s = "hello world"
print(s[:5], s[6:], s[::-1], s[::2], s[-5:-1], s[3:3] == "")
i, j = 1, 6
print(a[i:j], a[i:], a[:j], s[i:j:2])
sl = slice(1, 7, 2)
print(sl, a[sl], s[sl], slice(3), slice(None, None, -1))
try:
    a[::0]
except ValueError as e:
    print(e)
