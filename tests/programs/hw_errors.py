class ValidationError(ValueError):
    pass

def parse_age(text):
    try:
        age = int(text)
    except ValueError as e:
        raise ValidationError(f"not a number: {text!r}") from e
    if age < 0:
        raise ValidationError("negative age")
    return age

for t in ["42", "-1", "abc", "", "  7 ", "3.5"]:
    try:
        print(t, "->", parse_age(t))
    except ValidationError as e:
        print(t, "->", type(e).__name__, e, "| cause:", repr(e.__cause__))

def risky(n):
    try:
        if n == 0:
            raise KeyError("zero")
        elif n == 1:
            return [][1]
        elif n == 2:
            return {}["missing"]
        elif n == 3:
            return None.attr
        elif n == 4:
            return 1 + "a"
        elif n == 5:
            return int("x")
        elif n == 6:
            return undefined_name
        elif n == 7:
            assert n < 5, "n too big"
        elif n == 8:
            return [1, 2].index(3)
        elif n == 9:
            return 1 / 0.0
        elif n == 10:
            raise StopIteration
        return "ok"
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}: {e}"
    except Exception as e:
        return f"other {type(e).__name__}: {e}"
    else:
        return "else"
    finally:
        print("finally", n, end="; ")

for n in range(12):
    print(risky(n))

try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise ValueError("outer")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)

e = RuntimeError("a", 1)
print(e.args, str(e), repr(e), str(RuntimeError()), repr(KeyError("k")), str(KeyError("k")))
print(issubclass(ValidationError, Exception), ValidationError.__mro__)
try:
    raise ValidationError
except ValueError as err:
    print("caught", repr(err))

def outer():
    inner()

def inner():
    data = {"a": 1}
    return data["b"]

outer()
