# Exception classes defined by the program.
class AppError(Exception):
    pass


class ConfigError(AppError):
    """A configuration problem."""


class MissingKey(ConfigError, KeyError):
    pass


try:
    raise AppError("something failed")
except AppError as error:
    print("caught", repr(error), str(error), error.args)

try:
    raise ConfigError("bad value", 42)
except AppError as error:
    print("by base class:", type(error).__name__, error.args, str(error))

try:
    raise MissingKey("port")
except KeyError as error:
    print("as KeyError:", repr(error), str(error))

try:
    raise ConfigError
except Exception as error:
    print("class raised:", repr(error), error.args, isinstance(error, AppError))

for cls in (AppError, ConfigError, MissingKey):
    try:
        raise cls("x")
    except (ConfigError, ValueError) as error:
        print(cls.__name__, "-> ConfigError handler", type(error) is cls)
    except AppError as error:
        print(cls.__name__, "-> AppError handler")

print(isinstance(MissingKey(), LookupError), isinstance(AppError(), KeyError))
e = ConfigError("first")
print(e.args, len(e.args), e.__cause__, e.__context__)
