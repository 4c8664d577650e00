# An exception's own slot wrappers: e.__str__(), e.__repr__(), e.__eq__(),
# and BaseException.__str__ through super() in a class's __str__.
def t(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
e = ValueError('x', 2)
t('repr', lambda: e.__repr__())
t('str', lambda: e.__str__())
t('repr kw', lambda: e.__repr__(x=1))
t('eq', lambda: e.__eq__(e))
t('hash', lambda: e.__hash__() == hash(e))
t('sizeof', lambda: e.__sizeof__() > 0)
t('class', lambda: e.__class__)
t('ne', lambda: e.__ne__(1))
t('getattr', lambda: e.__getattribute__('args'))
t('dir', lambda: 'add_note' in dir(e))
t('KeyError str', lambda: KeyError('k').__str__())
class E(Exception):
    def __str__(self):
        return 'custom'
t('custom str', lambda: E().__str__())
t('custom repr', lambda: E(1).__repr__())
t('unbound str', lambda: Exception.__str__(ValueError('q')))
t('unbound repr', lambda: ValueError.__repr__(ValueError('q')))
class F(ValueError):
    def __str__(self):
        return 'F:' + super().__str__()
t('super str', lambda: str(F('z')))
t('F str', lambda: F('z').__str__())
t('F repr', lambda: F('z').__repr__())
t('lt', lambda: e.__lt__(e))
t('setattr', lambda: e.__setattr__('foo', 1) or e.foo)
t('bound repr', lambda: repr(e.__repr__)[:40])
class Missing(KeyError):
    def __str__(self):
        return 'missing ' + super().__str__()
class Pair(Exception):
    def __str__(self):
        return '<' + super().__str__() + '>'
    def __repr__(self):
        return 'Pair!' + super().__repr__()
t('keyerror sub', lambda: str(Missing('k')))
t('pair', lambda: str(Pair(1, 'two')))
t('pair empty', lambda: str(Pair()))
t('pair repr', lambda: repr(Pair(1, 'two')))
t('pair repr one', lambda: repr(Pair([1])))
raise Pair('final', 2)
