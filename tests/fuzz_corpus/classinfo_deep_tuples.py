# keys: G
# size: 100x30
# isinstance()/issubclass() with a very deeply nested classinfo tuple: a
# RecursionError, never a stack overflow (issubclass used to abort).
t = (int,)
for i in range(100000):
    t = (t,)
try:
    print(issubclass(int, t))
except RecursionError as e:
    print("RecursionError", e)
try:
    print(isinstance(1, t))
except RecursionError as e:
    print("RecursionError", e)
print(isinstance(1, (str, (float, (int,)))), issubclass(bool, ((str,), int)))
