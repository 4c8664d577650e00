def total(*numbers):
    print(type(numbers), len(numbers))
    result = 0
    for n in numbers:
        result += n
    return result


print(total())
print(total(1, 2, 3))


def describe(first, *rest, sep="-", **options):
    print(first, rest, sep, options)


describe(1)
describe(1, 2, 3, sep="+")
describe("a", colour="red", size=3)
