def check(age):
    if age < 0:
        raise ValueError("age must be non-negative, got " + str(age))
    return age


for value in [3, -1]:
    try:
        print(check(value))
    except ValueError as err:
        print("rejected:", err.args[0])
check(-5)
