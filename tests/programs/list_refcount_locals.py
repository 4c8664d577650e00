import sys
def f(items):
    print(sys.getrefcount(items))
    local = items
    print(sys.getrefcount(items))
    return local
data = [1, 2, 3]
print(sys.getrefcount(data))
same = f(data)
print(sys.getrefcount(data))
big = 10 ** 20
data.append(big)
print(sys.getrefcount(big))
