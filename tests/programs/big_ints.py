# Integers beyond 64 bits: multiplication loops, constants, arithmetic.
x = 1
for i in range(100):
    x = x * 2
print(x)
print(x == 2 ** 100)
y = x * x
print(y)
print(y // x == x)
print(y % 7)
print(-x)
print(x - x)
print(x + 1)
big = 123456789012345678901234567890
print(big * big)
print(big // 1000000007, big % 1000000007)
print(-big // 3, -big % 3)
print(type(big))
n = 9223372036854775807
print(n + 1)
print(-n - 2)
