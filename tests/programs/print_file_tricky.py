# Tricky: print to odd files, a write that raises, swapping sys.stdout,
# and a sys attribute CPython lacks too.
import sys

class Broken:
    def write(self, text):
        if text == 'two':
            raise ValueError('cannot write ' + text)
        sys.stdout.write('<' + text + '>')

try:
    print('one', 'two', 'three', file=Broken())
except ValueError as e:
    print()
    print('caught', e)

try:
    print('x', file=42)
except AttributeError as e:
    print('AttributeError', e)

try:
    print('x', sep=3, file=Broken())
except TypeError as e:
    print('TypeError', e)


class Capture:
    def __init__(self):
        self.text = ''

    def write(self, text):
        self.text += text

old = sys.stdout
cap = Capture()
sys.stdout = cap
print('captured', 1)
print('and', 2, sep='|')
sys.stdout = old
print(repr(cap.text))
sys.stdout = None
print('lost')
sys.stdout = old
print('back')
print('to err first', file=sys.stderr)
for name in ['nosuchthing', 'stdot']:
    try:
        getattr(sys, name)
    except AttributeError as e:
        print(name, 'AttributeError', e)
