try:
    x = 1 // 0
except ZeroDivisionError:
    print("caught division")
try:
    undefined_name
except NameError as e:
    print("caught:", e)
try:
    "a" + 1
except TypeError as e:
    print("caught:", e)
print("done")
