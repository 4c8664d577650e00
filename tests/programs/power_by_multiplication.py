# Powers computed by repeated multiplication, then compared with constants.
def power(base, exp):
    result = 1
    for i in range(exp):
        result = result * base
    return result


print(power(2, 10))
print(power(2, 64))
print(power(2, 100) == 2 ** 100)
print(power(-3, 41))
print(power(10, 30) - 1)
print(power(7, 0))
