# An exception raised inside __str__ called by print: both frames in the traceback.
class Bad:
    def __str__(self):
        return "x" + 1


print("before")
print(Bad())
