def cleanup():
    print("cleanup runs")


try:
    [1, 2][5]
except IndexError as e:
    cleanup()
    raise RuntimeError("fatal") 
