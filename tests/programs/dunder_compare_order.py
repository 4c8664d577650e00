# Rich comparisons, reflected (a > b tries b.__lt__), and missing ones.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) < (other.major, other.minor)

    def __le__(self, other):
        return (self.major, self.minor) <= (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"


a = Version(1, 2)
b = Version(1, 10)
print(a < b, a <= b, b < a)
print(a > b, b > a, b >= a)
versions = [Version(2, 0), Version(1, 5), Version(1, 10), Version(0, 9)]
print(sorted(versions))
print(min(versions), max(versions))
try:
    print(a < 3)
except TypeError as e:
    print(e)


class Plain:
    pass


try:
    Plain() < Plain()
except TypeError as e:
    print(e)
