print(-7 % 3, 7 % -3, -7 % -3, -7 // 2, 7 // -2)
print(divmod(-7, 3), divmod(7, -3))
print(-7.5 % 2, 7.5 % -2)
print([x % 4 for x in range(-5, 6)])
