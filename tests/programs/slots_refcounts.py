import sys

class Node:
    __slots__ = ('value', 'next')

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

data = [1, 2]
base = sys.getrefcount(data)
a = Node(data)
b = Node(data, a)
print(sys.getrefcount(data) - base)
abase = sys.getrefcount(a)
c = Node(None, a)
print(sys.getrefcount(a) - abase)
del c
print(sys.getrefcount(a) - abase)
b.value = None
print(sys.getrefcount(data) - base)
del b.next
print(sys.getrefcount(a) - abase)
del a
print(sys.getrefcount(data) - base)
x = Node(1)
y = Node(2)
print(id(x) != id(y), Node.value is Node.value)
print(sys.getrefcount(Node) > 2)
