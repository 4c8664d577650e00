# Floor division and modulo round toward negative infinity.
print(7 // 2, 7 % 2)
print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
a = 17
b = 5
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(0 // b, 0 % b)
print(b // a, b % a)
print((a // b) * b + a % b == a)
print((-a // b) * b + (-a) % b == -a)
