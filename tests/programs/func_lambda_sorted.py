square = lambda x: x * x
print(square(7), (lambda a, b=2: a * b)(4))
names = ["bob", "Alice", "carol"]
print(sorted(names, key=len))
print(sorted(names, key=str))
nums = [3, -1, 2, -5]
print(sorted(nums, key=abs), max(nums), min(nums))
