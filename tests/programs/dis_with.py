# dis-only
# A with statement on a context manager class.
class Managed:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, kind, value, tb):
        print("exit", kind)
        return False


with Managed() as m:
    print("inside", m is not None)
