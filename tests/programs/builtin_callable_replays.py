# A builtin called by native code (map's function, a key=, a
# callable_iterator's callable) whose own work calls Python code: on the
# replay it runs again and checks what the Python code returned, and a
# generator it resumes gives its next item each time.
class Negative:
    def __len__(self):
        return -1


class Three:
    def __len__(self):
        return 3


try:
    print(list(map(len, [Three(), Negative()])))
except ValueError as e:
    print("ValueError:", e)
print(list(map(len, [Three(), "ab", Three()])))
print(sorted([Three(), "abcd", "a"], key=len)[0] == "a")


def numbers():
    yield 1
    yield 2
    yield 3


gen = numbers()
print(list(map(next, [gen, gen])))
print(list(iter(numbers().__next__, 3)))
for n in iter(numbers().__next__, 99):
    print("n", n)
gen = numbers()
print(sum(iter(gen.__next__, 0)), next(gen, "done"))
