xs = [5, 2, 9, 1, 5, 6]
ys = sorted(xs)
print(xs, ys, xs is ys)
xs.sort()
print(xs)
print(sorted(xs, reverse=True))
words = ['pear', 'Apple', 'fig', 'banana']
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted((3, 1, 2)), sorted({'b': 1, 'a': 2}))
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]
print(sorted(pairs))
try:
    sorted([1, 'a'])
except TypeError as e:
    print(e)
