# dis-only
# Default values, keyword-only parameters, *args and **kwargs, keyword calls.
def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*(1, 2), **{"c": 3}))
