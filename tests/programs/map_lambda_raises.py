# an exception inside a map lambda: caught once, then uncaught with its traceback
data = [4, 2, 0, 1]
try:
    for r in map(lambda x: 8 // x, data):
        print(r)
except ZeroDivisionError as e:
    print("caught", e)
total = 0
for r in map(lambda x: 8 // x,
             data):
    total += r
print(total)
