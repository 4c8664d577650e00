len = lambda x: 42
print(len([1, 2, 3]))
del len
print(len([1, 2, 3]))
list = [1, 2]
print(list)
