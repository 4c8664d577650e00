# CPython's timsort makes a known sequence of __lt__ calls: count them for
# sorts of 64 to 1000 objects of many shapes (the results must be stable too).
calls = 0

class Num:
    def __init__(self, v, tag):
        self.v = v
        self.tag = tag
    def __lt__(self, other):
        global calls
        calls += 1
        return self.v < other.v
    def __repr__(self):
        return f"{self.v}:{self.tag}"

seed = 12345
def rand(modulo):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % modulo

def shapes(n):
    data = [rand(1000000) for _ in range(n)]
    yield "random", data
    yield "sorted", sorted(data)
    yield "reversed", sorted(data, reverse=True)
    yield "few keys", [rand(4) for _ in range(n)]
    half = n // 2
    left = sorted(data[:half])
    right = sorted(data[half:])
    yield "two halves", left + right
    yield "interleaved", [x for pair in zip(left, right) for x in pair]
    runs = []
    for start in range(0, n, 37):
        chunk = sorted(data[start:start + 37])
        runs.extend(chunk if (start // 37) % 2 == 0 else chunk[::-1])
    yield "runs", runs
    yield "sawtooth", [i % 50 for i in range(n)]
    yield "one out", sorted(data)[1:] + [0]

def check(objs, result):
    for a, b in zip(result, result[1:]):
        if a.v > b.v or (a.v == b.v and a.tag > b.tag):
            return False
    return len(result) == len(objs)

for n in (64, 65, 100, 200, 1000):
    for name, data in shapes(n):
        objs = [Num(v, i) for i, v in enumerate(data)]
        calls = 0
        result = sorted(objs)
        print(n, name, calls, check(objs, result))

# list.sort, reverse=True and key= make their own comparisons.
objs = [Num(rand(100), i) for i in range(300)]
calls = 0
objs.sort(reverse=True)
print("reverse", calls, [o.tag for o in objs[:8]])
calls = 0
objs.sort(key=lambda o: Num(o.v % 7, o.tag))
print("key", calls, [o.tag for o in objs[:8]])
pairs = [(rand(5), Num(rand(10), i)) for i in range(150)]
calls = 0
pairs.sort()
print("tuples", calls, [(a, b.tag) for a, b in pairs[:6]])
calls = 0
print("sorted tuples", [b.tag for _, b in sorted(pairs, reverse=True)[:6]], calls)
