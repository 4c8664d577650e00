# Every __lt__ call of CPython's timsort, in order, for lists of 64+ items:
# galloping over two sorted halves, a descending run, and equal keys.
log = []

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append(f"{self.v}<{other.v}")
        return self.v < other.v

def show(label, values, key=None, reverse=False):
    log.clear()
    items = [K(v) for v in values]
    items.sort(key=key, reverse=reverse)
    print(label, len(log))
    for start in range(0, len(log), 12):
        print("  " + " ".join(log[start:start + 12]))
    print("  ->", [k.v for k in items][:10])

show("halves", list(range(0, 80, 2)) + list(range(1, 50, 2)))
show("galloping", list(range(40, 80)) + list(range(0, 40)))
show("descending", list(range(70, 0, -1)))
show("equal runs", [i // 9 for i in range(66)][::-1])
show("reverse", [(i * 7) % 67 for i in range(67)], reverse=True)
show("key", list(range(68)), key=lambda k: K((k.v * 5) % 17))
