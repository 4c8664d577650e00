# Prime numbers by trial division, with break and a flag.
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d = d + 1
    return True


count = 0
for n in range(100):
    if is_prime(n):
        print(n, end=" ")
        count = count + 1
print()
print(count)
