# dis-only
# A class with __init__, a method, a class attribute and an instance.
class Counter:
    step = 1

    def __init__(self, start):
        self.value = start

    def bump(self):
        self.value = self.value + self.step
        return self.value


c = Counter(10)
c.bump()
print(c.bump(), Counter.step)
