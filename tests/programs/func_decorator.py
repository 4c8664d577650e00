def shout(function):
    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        return result + "!"
    return wrapper


@shout
def hello(name):
    return "hello " + name


print(hello("world"))
print(hello(name="you"))
