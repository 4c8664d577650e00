# for loops and consuming builtins over generators.
def squares(n):
    for i in range(n):
        yield i * i


for s in squares(4):
    print("square", s)
print(list(squares(5)))
print(tuple(squares(3)))
print(sum(squares(4)), sum(squares(3), 100))
print(max(squares(4)), min(squares(4)), sorted(squares(4)))
print(list(squares(0)), tuple(squares(0)), sum(squares(0)))
total = 0
for a in squares(3):
    for b in squares(2):
        total += a * 10 + b
print(total)
it = iter(squares(2))
print(next(it), next(it))
