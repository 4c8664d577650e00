import sys
try:
    raise ValueError("counted")
except ValueError as e:
    print(sys.getrefcount(e))
    saved = e
    print(sys.getrefcount(e))
print(sys.getrefcount(saved))
print(sys.getrefcount(saved.args))
