# An uncaught custom exception raised from another: both tracebacks.
class StorageError(Exception):
    pass


class ServiceError(Exception):
    pass


def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as error:
        raise StorageError("cannot load " + key) from error


def handle(key):
    try:
        return load(key)
    except StorageError:
        raise ServiceError("request failed")


print(handle("a"))
print(handle("b"))
