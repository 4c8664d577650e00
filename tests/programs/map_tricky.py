# map with several iterables of unequal length, consumed twice; StopIteration
def add3(a, b, c):
    return a + b + c

m = map(add3, [1, 2, 3, 4], (10, 20, 30), range(100, 1000))
print(list(m))
print(list(m))
print(list(map(pow, [2, 3], [5, 2, 9])))
it = iter([1, 2, 3, 4, 5])
first = map(lambda a, b: (a, b), it, it)
print(list(first))
print(next(it, "it is empty"))

def stop_at_three(x):
    if x == 3:
        raise StopIteration
    return x

print(list(map(stop_at_three, range(10))))
for v in map(stop_at_three, [5, 3, 1]):
    print("got", v)
nested = map(lambda x: x * 2, map(lambda y: y + 1, filter(None, [0, 1, 0, 2])))
print(list(nested))
try:
    map(len)
except TypeError as e:
    print("TypeError:", e)
try:
    map()
except TypeError as e:
    print("TypeError:", e)
try:
    map(len, 5)
except TypeError as e:
    print("TypeError:", e)
print(list(map(lambda: 1, [])))
try:
    list(map(lambda: 1, [1]))
except TypeError as e:
    print("TypeError:", e)
