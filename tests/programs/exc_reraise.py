def reraise():
    try:
        raise ValueError("boom")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    reraise()
except ValueError as e:
    print("got", repr(e))
reraise()
