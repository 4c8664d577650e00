# Euclid's algorithm with % in a while loop.
def gcd(a, b):
    while b != 0:
        t = b
        b = a % b
        a = t
    return a


print(gcd(48, 18))
print(gcd(17, 5))
print(gcd(0, 9))
print(gcd(1071, 462))
print(gcd(2 ** 64, 6 ** 20))
