import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


first = Node("payload-1")
print(sys.getrefcount(first))
second = Node("payload-2")
first.next = second
print(sys.getrefcount(second))
alias = first.next
print(sys.getrefcount(second))
del alias
print(sys.getrefcount(second))
method = first.__init__
print(sys.getrefcount(first))
del method
print(sys.getrefcount(first))
print(sys.getrefcount(Node) > 2)
