# Custom __init__, attributes on exception instances, Exception.__init__.
class HttpError(Exception):
    def __init__(self, status, reason):
        self.status = status
        self.reason = reason


class ParseError(ValueError):
    def __init__(self, line, message):
        Exception.__init__(self, message)
        self.line = line

    def where(self):
        return "line " + str(self.line)


try:
    raise HttpError(404, "not found")
except HttpError as error:
    print(error.status, error.reason, error.args, repr(error), str(error))

try:
    raise ParseError(7, "unexpected token")
except ValueError as error:
    print(error.line, error.args, str(error), error.where())

plain = RuntimeError("plain")
plain.note = "attached later"
print(plain.note, plain.args)
try:
    print(plain.missing)
except AttributeError as error:
    print("AttributeError:", error)
e = ParseError(1, "m")
e.line = 99
print(e.where(), e.__class__.__name__)
