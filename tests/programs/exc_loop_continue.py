results = []
for x in [4, 0, 2, 0, 1]:
    try:
        results.append(8 // x)
    except ZeroDivisionError:
        results.append(None)
        continue
    finally:
        results.append("f")
    results.append("after")
print(results)
