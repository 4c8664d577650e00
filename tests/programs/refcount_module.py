# sys.getrefcount of objects built at run time, at module level.
import sys

a = "hello"
b = " world"
s = a + b
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
pair = (s, s)
print(sys.getrefcount(s))
print(sys.getrefcount(pair))
del_me = pair
print(sys.getrefcount(pair))
t = None
print(sys.getrefcount(s))
pair = None
print(sys.getrefcount(s))
print(sys.getrefcount(del_me))
n = 1000
big = n * 1000000
print(sys.getrefcount(big))
other = big
print(sys.getrefcount(big))
