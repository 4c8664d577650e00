# any, all and `in` stop at the deciding item and leave the generator
# suspended; next() resumes it from there
def counting(n):
    for i in range(n):
        print("yield", i)
        yield i
    print("exhausted")

g = counting(10)
print(any(x > 2 for x in g))
print(next(g))
h = counting(6)
print(all(h))
print(next(h), next(h))
k = counting(8)
print(4 in k)
print(next(k))
print(99 in k)
print(list(k))
m = map(lambda x: x * 10, counting(5))
print(20 in m, next(m))
print(any(map(lambda x: x > 1, counting(4))), all(filter(None, counting(3))))
print(3 not in (x for x in range(3)))
