# Attributes built-in objects do not have are AttributeErrors, caught like any.
for obj, name in [([], "add"), ({}, "has_key"), ("s", "length"), (1, "foo"),
                  ((), "append"), (None, "x"), (range(3), "size"), (1.5, "round")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(type(e).__name__, e)
    print(hasattr(obj, name), hasattr(obj, "__class__"))
try:
    int.foo
except AttributeError as e:
    print(e)
print(getattr([], "nope", "default"))
print([].__class__, (1).__class__.__name__, type(None).__name__)
print(int.__mro__, bool.__mro__, bool.__bases__, object.__bases__, object.__base__)
print(int.__module__, ZeroDivisionError.__mro__)
print(dir([])[-5:], len(dir(int)) > 50, "bit_length" in dir(5))
print(dir(str)[:4])
