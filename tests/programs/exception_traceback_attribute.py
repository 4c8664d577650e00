# An exception's __traceback__: None until raised, then a traceback object.
e = ValueError("x")
print(e.__traceback__)
try:
    1 / 0
except ZeroDivisionError as ex:
    err = ex
    print(ex.__traceback__ is not None, type(ex.__traceback__).__name__)
print(err.__traceback__ is not None)
class MyE(Exception):
    pass
try:
    raise MyE("m")
except MyE as m:
    print(m.__traceback__ is None, type(m.__traceback__))
print(MyE().__traceback__)
