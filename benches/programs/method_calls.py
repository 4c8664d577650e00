# Method calls on objects: list and dict methods in a loop.
stack = []
table = {}
for i in range(100000):
    stack.append(i)
    if len(stack) > 10:
        table.setdefault(stack.pop(0), i)
print(len(stack), len(table))
