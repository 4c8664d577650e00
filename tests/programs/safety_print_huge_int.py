# ...and to print them.
print(2 ** 20000)
