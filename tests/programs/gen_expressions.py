# Generator expressions are lazy: the printing shows the interleaving.
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i


doubled = (x * 2 for x in noisy(3))
print("nothing produced yet")
for d in doubled:
    print("consume", d)
print(sum(x for x in range(10) if x % 3 == 0))
print(any(x > 1 for x in noisy(5)))
print(all(x < 1 for x in noisy(5)))
print(list(x + y for x in range(3) for y in range(2)))
print(tuple(c for c in "hey"))
print(max(len(w) for w in ["a", "abc", "ab"]))
gen = (i for i in range(3))
print(next(gen), list(gen), list(gen))
