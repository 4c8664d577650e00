# range with one, two and three arguments, including negative steps.
for i in range(4):
    print(i, end=" ")
print()
for i in range(2, 6):
    print(i, end=" ")
print()
for i in range(0, 20, 5):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("never")
for i in range(-3, 3, 2):
    print(i, end=" ")
print()
print(len(range(0, 100, 7)))
print(range(1, 10, 2))
