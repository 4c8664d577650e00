import sys

class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    def is_empty(self):
        return len(self) == 0

s = Stack()
s.push(1)
s.push(2)
s.push(3)
print(s, len(s), s.peek(), s.pop(), s)
print(type(s).__name__, isinstance(s, list), isinstance(s, Stack))
print(issubclass(Stack, list), Stack.__mro__)
print(s.is_empty(), Stack([4, 5]), list(Stack('ab')))
s.label = 'mine'
print(s.label, s.__dict__)
print(s + [9], type(s + [9]).__name__, s * 2)
print([x * 10 for x in s], sum(s), sorted(Stack([3, 1, 2])))
print(sys.getsizeof(Stack()) > sys.getsizeof([]))

class Named(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def describe(self):
        return f"{self.name}: {len(self)} items"

n = Named('nums', [1, 2, 3])
print(n, n.name, n.describe())
n.extend([4])
n[0] = 100
del n[1]
print(n, n.describe(), n == [100, 3, 4])
try:
    n.missing
except AttributeError as e:
    print("AttributeError:", e)
item = [0]
base = sys.getrefcount(item)
n.append(item)
print(sys.getrefcount(item) - base)
del n
print(sys.getrefcount(item) - base)
