# A while loop counting down to zero.
n = 10
while n > 0:
    print(n, end=" ")
    n = n - 1
print("liftoff")
