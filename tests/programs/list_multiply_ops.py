# dis shows these as BINARY_OP; the list cases are tricky for refcounts
xs = [1, 2]
ys = xs
xs += [3]
print(xs, ys, xs is ys)
print(len(xs))
