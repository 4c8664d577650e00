import sys
data = []
print(sys.getrefcount(data))
adder = data.append
print(sys.getrefcount(data))
adder(1)
print(data)
del adder
print(sys.getrefcount(data))
