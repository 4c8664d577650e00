nums = [1, 2, 3, 4]
for n in nums:
    if n == 2:
        nums.remove(n)
print(nums)
copy = nums[:] if False else list(nums)
for n in copy:
    nums.append(n * 10)
print(nums)
