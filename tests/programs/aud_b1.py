class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged matrix")
        self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"shapes {self.shape} and {other.shape} do not align")
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])
a = Matrix([[1, 2], [3, 4]])
print(a @ Matrix.identity(2) == a, a @ a, a.transpose(), a[1, 0], a.shape)
try:
    a @ Matrix([[1, 2, 3]])
except ValueError as e:
    print(e)
try:
    Matrix([[1], [2, 3]])
except ValueError as e:
    print(e)
print(a == [[1, 2], [3, 4]], a != a, hash(a) if a.__hash__ else "unhashable")
