# send() delivers a value into the suspended yield expression.
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return (count, total)
        total += value
        count += 1
        average = total / count


avg = averager()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(3))
try:
    avg.send(None)
except StopIteration as stop:
    print("done", stop.value)

fresh = averager()
try:
    fresh.send(5)
except TypeError as error:
    print("TypeError:", error)
print(fresh.send(None))
