# Float floor division and modulo as CPython computes them (fmod-based):
# 1 // 0.1 is 9.0, and a zero remainder takes the divisor's sign. Operands
# are variables: the compiler would fold literal expressions itself.
one, tenth, four, two, three = 1.0, 0.1, 4.0, 2.0, 3.0
print(one // tenth, one % tenth, divmod(one, tenth))
print(-four % two, four % -two, -four // two, 0.0 // -three, -0.0 // three)
a, b = 7.5, 2
print(a // b, -a // b, a % -b, divmod(-a, b))
inf = float("inf")
print(5.0 // inf, -5.0 // inf, 5.0 % inf, -5.0 % inf)
x, y, z = 0.3, 0.1, 2.5
print(x // y, x % y, z // 0.5, 10 // three, 10 % three, -10 % three)
x = 3.7
x //= 1.2
print(x)
