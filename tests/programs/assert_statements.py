# assert: nothing when true; AssertionError with or without a message.
def check_positive(n):
    assert n > 0, "expected a positive number, got " + str(n)
    return n * 2


print(check_positive(4))
try:
    check_positive(-1)
except AssertionError as error:
    print("AssertionError:", error, error.args)

try:
    assert 1 == 2
except AssertionError as error:
    print("bare:", repr(error), error.args)

values = [3, 1, 2]
assert len(values) == 3
assert values, "never shown"
try:
    assert [], [1, 2]
except AssertionError as error:
    print("message can be any object:", error.args[0])
count = 0
for v in values:
    try:
        assert v != 1, v
        count += 1
    except AssertionError as error:
        print("failed on", error)
print(count)
