for i in range(4):
    try:
        try:
            if i == 0:
                raise KeyError(i)
            if i == 1:
                raise ValueError(i)
            if i == 2:
                raise TypeError(i)
            print("no error", i)
        except KeyError as e:
            print("inner KeyError", e)
        finally:
            print("inner finally", i)
    except ValueError as e:
        print("outer ValueError", e)
    except TypeError as e:
        print("outer TypeError", e)
