def read_records(lines):
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            name, qty, price = line.split(",")
            yield name.strip(), int(qty), float(price)
        except ValueError as e:
            print(f"line {lineno}: skipped ({e})")
data = """# inventory
apple, 3, 0.5
pear, x, 1.0
banana,12,0.25

cherry, 100, 0.1, extra
kiwi, 7, 0.8"""
records = list(read_records(data.splitlines()))
print(records)
total = sum(q * p for _, q, p in records)
print(f"total = {total:.2f}", f"{total:e}", f"{total:%}", format(total, ",.3f"))
by_value = sorted(records, key=lambda r: r[1] * r[2], reverse=True)
for name, q, p in by_value:
    print(f"{name:>8}|{q:^5}|{p:<6.2f}|{q*p:08.3f}")
gen = (r[0].upper() for r in records)
print(next(gen), list(gen), list(gen))
def chunks(xs, n):
    it = iter(xs)
    while True:
        chunk = []
        try:
            for _ in range(n):
                chunk.append(next(it))
        except StopIteration:
            if chunk:
                yield chunk
            return
        yield chunk
print(list(chunks(range(7), 3)), list(chunks([], 2)))
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x; count += 1
        avg = total / count
    return avg
g = averager(); next(g)
print(g.send(10), g.send(20), g.send(0))
try:
    g.send(None)
except StopIteration as e:
    print("done", e.value)
