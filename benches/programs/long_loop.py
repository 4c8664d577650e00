# About 100 million instructions: the history benchmark (benches/history.rs)
# continues to the end with history on and jumps around from there.
def add(t, n):
    return t + n


t = 0
n = 0
while n < 4_500_000:
    if n % 3 == 0:
        t = add(t, n)
    else:
        t = t + n
    n = n + 1
print(t)
