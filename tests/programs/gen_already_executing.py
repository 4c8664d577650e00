# A generator cannot resume itself while it runs.
def selfish():
    yield 1
    next(me)
    yield 2


me = selfish()
print(next(me))
try:
    next(me)
except ValueError as error:
    print("ValueError:", error)
print(next(me, "finished"))
