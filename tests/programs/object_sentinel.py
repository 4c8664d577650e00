import sys

MISSING = object()
other = object()
print(MISSING is MISSING, MISSING is other, MISSING == other, MISSING != other)
print(type(MISSING).__name__, isinstance(MISSING, object), type(MISSING) is object)
print(repr(MISSING).startswith('<object object at 0x'), str(MISSING) == repr(MISSING))

def lookup(d, key, default=MISSING):
    value = d.get(key, default)
    if value is MISSING:
        return 'not found'
    return value

print(lookup({'a': 1}, 'a'), lookup({'a': 1}, 'b'))
print(sys.getrefcount(MISSING) - sys.getrefcount(other))
try:
    MISSING.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    MISSING.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
seen = {MISSING: 'sentinel'}
print(seen[MISSING], hash(MISSING) == hash(MISSING), bool(MISSING))
print(sys.getsizeof(object()) < sys.getsizeof([]))
a = object()
ida = id(a)
del a
b = object()
print(id(b) == ida)
print(sorted(dir(object()))[:3])
