# A generator function: each next() runs its frame to the following yield.
def countdown(n):
    print("start", n)
    while n > 0:
        yield n
        n -= 1
    print("end")


g = countdown(3)
print("made")
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration", stop.args, stop.value)
try:
    next(g)
except StopIteration:
    print("still exhausted")
print(next(countdown(0), "default"))
print(next(countdown(5), "default"))
