# Class attributes are shared until an instance assigns its own.
class Counter:
    count = 0
    tags = []

    def __init__(self):
        Counter.count += 1
        self.tags.append(Counter.count)


a = Counter()
b = Counter()
print(Counter.count, a.count, b.count)
a.count = 100
print(Counter.count, a.count, b.count)
print(a.tags is b.tags, Counter.tags)
b.tags = ["own"]
print(a.tags, b.tags, Counter.tags)
del a.count
print(a.count)
