# A NameError re-raised where it was raised keeps its "Did you mean"; its
# notes follow the line.
counter = 3
try:
    countr + 1
except NameError as exc:
    exc.add_note('counting went wrong')
    raise
