def safe_div(a, b):
    try:
        result = a // b
    except ZeroDivisionError as e:
        print("error:", e)
        result = None
    else:
        print("ok")
    finally:
        print("finally")
    return result


print(safe_div(7, 2), safe_div(1, 0))
