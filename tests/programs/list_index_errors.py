xs = [1, 2, 3]
print(xs[-3])
try:
    xs[3]
except IndexError as e:
    print("IndexError:", e)
try:
    xs[3] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    xs.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    xs.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    xs['a']
except TypeError as e:
    print("TypeError:", e)
xs[5]
