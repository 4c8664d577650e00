class Counter:
    def __init__(self, start=0):
        self.count = start

    def increment(self, by=1):
        self.count += by
        return self.count


c = Counter()
inc = c.increment
print(inc(), inc(), inc(by=10))
print(Counter.increment(c, 100))
calls = [Counter(5).increment for _ in range(2)]
print([f() for f in calls])
print(c.count)
