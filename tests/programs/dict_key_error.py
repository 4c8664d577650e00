d = {'total': 3}
try:
    d['totl']
except KeyError as e:
    print('missing key', e, repr(e), e.args)
try:
    del d['x']
except KeyError as e:
    print('cannot delete', e)
print(d['missing'])
