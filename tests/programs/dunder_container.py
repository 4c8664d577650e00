# A container class: __getitem__, __setitem__, __delitem__, __len__, __iter__.
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = {}

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, value):
        print("set", pos, value)
        self.cells[pos] = value

    def __delitem__(self, pos):
        del self.cells[pos]

    def __len__(self):
        return len(self.cells)

    def __iter__(self):
        return iter(sorted(self.cells))


g = Grid(3, 3)
g[0, 1] = "x"
g[2, 2] = "o"
print(g[0, 1], g[1, 1], len(g))
for pos in g:
    print(pos, g[pos])
del g[0, 1]
print(len(g), list(g))
try:
    del g[5, 5]
except KeyError as e:
    print("KeyError", e)
