# dis-only
# f-strings with conversions, format specs and nested expressions.
name = "world"
n = 42
pi = 3.14159
print(f"hello {name}!")
print(f"{n:>6} {n:#x} {pi:.2f} {name!r} {n + 1=}")
print(f"{'nested ' + f'{n}'}")
