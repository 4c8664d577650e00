# Factorials grow past 64 bits quickly.
def factorial(n):
    result = 1
    i = 2
    while i <= n:
        result = result * i
        i = i + 1
    return result


for n in range(0, 31, 5):
    print(n, factorial(n))
print(len(str(factorial(100))))
