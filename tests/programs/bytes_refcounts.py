# Reference counts of bytes and bytearrays held by names and containers.
import sys
def show(label, obj):
    print(label, sys.getrefcount(obj))

data = bytes(range(10, 20))
show('one name', data)
alias = data
show('two names', data)
holder = [data, data, data]
show('in a list x3', data)
pair = (data, alias)
show('in a tuple', data)
table = {'k': data, data: 'v'}
show('dict value and key', data)
del holder
show('list gone', data)
pair = None
show('tuple gone', data)
table.clear()
show('dict cleared', data)
del alias
show('alias gone', data)
buf = bytearray(b'mutable')
show('bytearray', buf)
nest = [[buf], (buf,)]
show('nested', buf)
copy = buf.copy()
show('copy is another', copy)
nest[0].append(buf)
show('appended', buf)
nest = None
show('nest gone', buf)
def f(b):
    return sys.getrefcount(b)
print('in a call', f(data), f(buf))
sliced = data[2:5]
show('slice is new', sliced)
print(sliced, data[2:5] is sliced)
lit = b'literal bytes'
show('literal', lit)
def uses():
    return b'literal bytes'
show('literal used by a function too', lit)
print(uses() is lit)
one = b'Z'
print(sys.getrefcount(one) == sys.getrefcount(b''), sys.getrefcount(one) > 10**6)
