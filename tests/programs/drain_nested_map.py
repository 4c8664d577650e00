# nested map of map of a generator, filter of map, zip and enumerate of them
def source(n):
    for i in range(n):
        print("source", i)
        yield i

doubled = map(lambda x: x * 2, source(3))
plus_one = map(lambda y: y + 1, doubled)
print(list(plus_one))
print(sum(map(lambda a: a * a, map(lambda b: b + 1, source(3)))))
print(list(filter(lambda v: v > 2, map(lambda v: v * 3, source(3)))))
print(list(zip(map(str, source(2)), map(lambda v: -v, source(2)))))
print(list(enumerate(map(lambda v: v * v, source(3)), start=5)))
print(sorted(map(lambda v: -v, filter(lambda v: v % 2 == 0, source(5)))))
print(list(map(lambda a, b: a + b, source(2), map(lambda v: v * 100, source(3)))))
