# Even the simplest value is an object: an id, a type, a value and a refcount.
a = 1
print(type(a))
print(a)
