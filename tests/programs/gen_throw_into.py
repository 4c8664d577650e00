# throw() raises an exception at the suspended yield.
def worker():
    while True:
        try:
            job = yield "ready"
            print("job", job)
        except ValueError as error:
            print("recovered from", error)
            yield "recovered"


w = worker()
print(next(w))
print(w.send("a"))
print(w.throw(ValueError("bad input")))
print(next(w))
try:
    w.throw(KeyError("missing"))
except KeyError as error:
    print("propagated", repr(error))
try:
    next(w)
except StopIteration:
    print("finished after the error")
try:
    w.throw(IndexError)
except IndexError as error:
    print("thrown into a finished generator:", repr(error))
