try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        1 / 0
    except "not a class":
        pass
except TypeError as e:
    print(e)
