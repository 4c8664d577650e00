# An __lt__ that raises in the middle of a sort: the list keeps the
# partially sorted state CPython leaves (a merge's temporary run copied
# back), with reverse=True and key= too; fewer than 64 items as well.
class Bomb(Exception):
    pass

count = 0
limit = 0

class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        global count
        count += 1
        if count == limit:
            raise Bomb(f"at comparison {count}")
        return self.v < other.v
    def __repr__(self):
        return str(self.v)

def attempt(values, at, reverse=False):
    global count, limit
    count = 0
    limit = at
    items = [V(v) for v in values]
    try:
        items.sort(reverse=reverse)
        print("sorted without raising", count)
    except Bomb as e:
        print("Bomb:", e)
    print(items)

data = [(i * 37 + 11) % 100 for i in range(100)]
for at in (1, 5, 60, 200, 350, 420, 480):
    attempt(data, at)
attempt(data, 300, reverse=True)
attempt(list(range(50, 100)) + list(range(50)), 40)
attempt(list(range(50, 100)) + list(range(50)), 55)
attempt([(i * 13) % 40 for i in range(40)], 30)
attempt([(i * 13) % 40 for i in range(40)], 30, reverse=True)

# A key function's results compared: the items move with their keys.
count = 0
limit = 250
words = [f"w{(i * 29) % 90}" for i in range(90)]
try:
    words.sort(key=lambda w: V(int(w[1:])))
except Bomb as e:
    print("Bomb:", e)
print(words)

# sorted() of a raising sort leaves the original alone.
count = 0
limit = 100
original = [V(v) for v in data]
try:
    sorted(original)
except Bomb as e:
    print("Bomb:", e, original[:10])
