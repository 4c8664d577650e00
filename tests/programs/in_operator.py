# Membership with in / not in on tuples, strings and ranges.
print(3 in (1, 2, 3), 4 not in (1, 2, 3))
print("ell" in "hello", "z" in "hello")
print(5 in range(0, 10, 5), 7 in range(0, 10, 5))
count = 0
for i in range(20):
    if i % 3 == 0 or i in (4, 5):
        count = count + 1
print(count)
