# sys.version_info (a struct sequence: a tuple with named, read-only
# fields), sys.version, sys.maxsize, sys.exc_info() and sys.exception().
import sys

v = sys.version_info
print(v)
print(type(v), type(v).__name__, type(v).__module__)
print(v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(v[0], v[:2], v[-1], len(v), isinstance(v, tuple))
print(v >= (3, 8), v < (3, 15), v == (3, 14, 2, "final", 0), v > (3, 14))
print(sys.version_info >= (3, 10), sys.version_info[:2] == (3, 14))
print(tuple(v), list(v), str(v) == repr(v), [v][0] is v)
a, b, *rest = v
print(a, b, rest, f"{v.major}.{v.minor}", "%d.%d" % v[:2])
print(v.n_fields, v.n_sequence_fields, v.n_unnamed_fields)
print(v.count(14), v.index(2), v + (1,), hash(v) == hash(tuple(v)))
print(sys.version_info is v)
try:
    v.major = 4
except AttributeError as e:
    print("AttributeError:", e)
try:
    type(v)((3, 15, 0, "alpha", 1))
except TypeError as e:
    print("TypeError:", e)
match v:
    case (3, minor, *_):
        print("Python 3, minor", minor)

print(sys.version[:6], sys.version.split()[0] == "%d.%d.%d" % v[:3])
print(sys.maxsize == 2**63 - 1 or sys.maxsize == 2**31 - 1)

print(sys.exc_info(), sys.exception())


class AppError(Exception):
    pass


def handle():
    try:
        raise AppError("bad input")
    except AppError as error:
        kind, value, tb = sys.exc_info()
        print(kind, value, kind is AppError, value is error, type(tb).__name__)
        print(sys.exception() is error)
        try:
            {}["missing"]
        except KeyError:
            print(sys.exc_info()[:2], repr(sys.exception()))
        print(sys.exc_info()[:2])
    print(sys.exc_info(), sys.exception())


handle()


def gen():
    try:
        raise ValueError("in generator")
    except ValueError:
        yield sys.exc_info()[1]
        yield sys.exception()


for item in gen():
    print(repr(item), sys.exc_info()[0])
