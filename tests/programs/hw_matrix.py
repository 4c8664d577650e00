def make(n, m, f):
    return [[f(i, j) for j in range(m)] for i in range(n)]

def mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]

def transpose(a):
    return [list(row) for row in zip(*a)]

def show(a):
    for row in a:
        print(" ".join(f"{x:5}" for x in row))

a = make(3, 3, lambda i, j: i + j)
b = make(3, 2, lambda i, j: i * j - 1)
show(mul(a, b))
show(transpose(b))
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
print(sum(map(sum, a)), max(map(max, a)), [min(r) for r in a])
flat = [x for row in a for x in row]
print(flat, flat[::2], flat[-3:], sorted(flat, reverse=True)[:3])
ident = [[int(i == j) for j in range(3)] for i in range(3)]
print(mul(a, ident) == a, a is mul(a, ident))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, round(2.5), round(3.5), round(-0.5), 0.1 + 0.2)
print(2 ** 100, 2 ** -2, 10 / 4, 10 // 4, abs(-3), pow(3, 4, 5), 1e16 + 1, 1 / 3)
print(int("42"), int("-0x1f", 16), float("1e-3"), int(3.99), int(-3.99), bin(10), oct(8), hex(255))
x = 5
x += 1; x *= 2; x -= 3; x //= 2; x **= 2; x %= 7
print(x, 3 < 4 < 5, 3 < 4 > 5, not 0, 1 and 2, 0 or [], None is None)
