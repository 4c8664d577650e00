# A __notes__ that is not a sequence (a str too) is printed as its repr;
# None prints nothing.
first = ValueError('first')
first.__notes__ = 'just a str'
try:
    raise first
except ValueError:
    second = TypeError('second')
    second.__notes__ = {'key': [1, 2]}
    try:
        raise second
    except TypeError:
        third = LookupError()
        third.__notes__ = None
        try:
            raise third
        except LookupError:
            last = OSError('last')
            last.__notes__ = 42
            raise last
