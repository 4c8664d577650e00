def attempt(n):
    log = []
    for i in range(n):
        try:
            if i % 2:
                raise ValueError(i)
            log.append("ok")
        except ValueError as e:
            log.append("bad " + str(e))
            continue
        finally:
            log.append("f" + str(i))
    return log


print(attempt(4))
