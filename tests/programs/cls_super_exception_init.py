# super().__init__ in exception classes reaches BaseException.__init__ (args).
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(404, f"{what} not found")


try:
    raise NotFound("page")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args)
