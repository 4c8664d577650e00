# an exception in a filter predicate ends the program with its traceback
def positive(n):
    return 10 / n > 1

values = [5, 2, 0, 7]
print(list(filter(positive, values[:2])))
total = sum(filter(positive,
                   values))
print(total)
