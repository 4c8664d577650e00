# An AttributeError re-raised by a bare raise keeps its "Did you mean".
class P:
    def __init__(self):
        self.value = 1
def f(p):
    return p.valeu
try:
    f(P())
except AttributeError as e:
    e.add_note('in f')
    raise
