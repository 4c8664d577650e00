# 0 ** -1 is a ZeroDivisionError, not inf.
print(0 ** -1)
