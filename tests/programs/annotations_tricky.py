# Tricky: annotations are evaluated lazily, once, and can fail late.
def early(x: Later) -> Later:
    return x

class Later:
    pass

print(early.__annotations__)

def broken(x: missing_name):
    return x

print(broken(5))
try:
    broken.__annotations__
except NameError as e:
    print('NameError', e)
try:
    broken.__annotations__
except NameError as e:
    print('again', e)

calls = []
def note(value):
    calls.append(value)
    return value

def counted(a: note('a'), b: note('b')) -> note('r'):
    pass

print(calls)
first = counted.__annotations__
print(calls, first)
second = counted.__annotations__
print(calls, first is second)
first['extra'] = int
print(counted.__annotations__)
print(counted.__annotate__(1))
print(counted.__annotate__(1) is counted.__annotations__)
try:
    counted.__annotate__(2)
except NotImplementedError:
    print('format 2 is not implemented by the function itself')
