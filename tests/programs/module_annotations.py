# Module-level annotations (Python 3.14): an __annotate__ function of the
# module; variables without a value are only annotated.
count: int = 3
name: str
print(count)
try:
    print(name)
except NameError as e:
    print("NameError:", e)
print("__annotate__" in globals(), "__annotations__" in globals())
