# The Collatz sequence of 27 takes 111 steps.
def steps(n):
    count = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        count = count + 1
    return count


print(steps(1))
print(steps(6))
print(steps(27))
