def kind(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "ZeroDivisionError"
    except ArithmeticError:
        return "ArithmeticError"
    except LookupError as e:
        return "LookupError " + repr(e)
    except Exception as e:
        return "Exception " + repr(e)


print(kind(ZeroDivisionError()))
print(kind(OverflowError("big")))
print(kind(IndexError))
print(kind(KeyError("k")))
print(kind(ValueError(1, 2)))
print(isinstance(KeyError(), LookupError), isinstance(KeyError(), ValueError))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (str, int)))
