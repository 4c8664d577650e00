# an uncaught exception inside a generator drained by set(): CPython's
# traceback names the generator's frame and the consumer's line
def values():
    yield 1
    yield {}["missing"]

total = set(values())
