# BaseException.add_note and __notes__: stored in the exception's dict,
# printed after the message of each exception of an uncaught chain.
import sys
e = ValueError('bad')
print(hasattr(e, '__notes__'))
e.add_note('first')
e.add_note('second\nline')
print(e.__notes__, type(e.__notes__), e.__dict__)
try:
    e.add_note(5)
except TypeError as x:
    print(x)
try:
    e.add_note()
except TypeError as x:
    print(x)
try:
    e.add_note('a', 'b')
except TypeError as x:
    print(x)
try:
    e.add_note(note='a')
except TypeError as x:
    print(x)
f = KeyError('k')
f.__notes__ = 'not a list'
try:
    f.add_note('x')
except TypeError as x:
    print(x)
class MyError(Exception):
    pass
m = MyError('m')
m.add_note('hello')
print(m.__notes__, vars(m))
print(BaseException.add_note)
print(sys.getrefcount(m.__notes__))
n = e.__notes__
n.append('third')
print(e.__notes__ is n)
del e.__notes__
print(hasattr(e, '__notes__'))
e.add_note('again')
print(e.__notes__)
try:
    try:
        raise TypeError('inner')
    except TypeError as exc:
        exc.add_note('while parsing')
        raise
except TypeError as exc:
    print(exc.__notes__, str(exc), repr(exc))
class Note:
    def __str__(self):
        return 'from __str__\nsecond line'

class Broken:
    def __str__(self):
        raise RuntimeError('no')

def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        exc.add_note(f'while parsing {text!r}')
        raise RuntimeError('parse failed') from exc

try:
    parse('x1')
except RuntimeError as exc:
    print(exc.__cause__.__notes__, getattr(exc, '__notes__', 'none'))

try:
    try:
        parse('y2')
    except RuntimeError as exc:
        exc.add_note('outer note')
        exc.__notes__.append(Note())
        exc.__notes__.append(Broken())
        raise
except RuntimeError:
    err = KeyError('final')
    err.__notes__ = ('a tuple note', 7)
    raise err
