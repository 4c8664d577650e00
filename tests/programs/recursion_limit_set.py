import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(sys.getrecursionlimit())
try:
    depth(1500)
except RecursionError as error:
    print("RecursionError:", error)

# A student's deep recursion: raise the limit, and it runs.
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth(2500))

# Lower again: recursion past it fails, below it works.
sys.setrecursionlimit(100)
print(depth(90))
try:
    depth(200)
except RecursionError as error:
    print("RecursionError:", error)

for bad in (0, -5, 2.5, "10", 2**40, True):
    try:
        sys.setrecursionlimit(bad)
        print("set to", sys.getrecursionlimit())
    except (ValueError, TypeError, OverflowError) as error:
        print(type(error).__name__ + ":", error)
    except RecursionError as error:
        print("RecursionError:", str(error).split(" at ")[0])

# (The message names the depth, which counts the frames that run the
# program: only its start is printed.)
def set_inside(n, limit):
    if n:
        return set_inside(n - 1, limit)
    sys.setrecursionlimit(limit)
    return sys.getrecursionlimit()

sys.setrecursionlimit(1000)
try:
    set_inside(5, 5)
except RecursionError as error:
    print("RecursionError:", str(error).split(" at ")[0])
print(set_inside(5, 30))
sys.setrecursionlimit(1000)
print(sys.setrecursionlimit(1000), sys.getrecursionlimit())
