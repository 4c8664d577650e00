# pop() takes members in table order; sizes follow the table (64-bit figures).
s = {5, 3, 8, 1}
print(s.pop(), s.pop(), s)
s.clear()
print(s)
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)
u = set()
for i in range(20):
    u.add(i)
print(len(u), u)
print(sorted(u) == list(range(20)))
