# complex numbers: literals, reprs, mixed arithmetic, equality and hashing.
import sys

z = 3 + 4j
w = complex(1, -2)
print(z, w, 1j, -1j, 2j * 1j, complex(), complex(2), complex(0, -0.0), -(0j))
print(z + w, z - w, z * w, z / w, z ** 2, w ** -1, abs(z), -z, +z is z)
print(z + 1, 1 + z, z - 1.5, 2 - z, z * 2, 2.0 * z, z / 2, 1 / z)
print(z.real, z.imag, type(z.real).__name__, z == 3 + 4j, z != w, (1 + 0j) == 1, 0j == 0.0)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), bool(0j), bool(1e-300j))
print(sys.getsizeof(z) > sys.getsizeof(1.5), type(z).__name__, isinstance(z, complex))
d = {1: "int key", 2.5j: "complex key"}
print(d[1 + 0j], d[2.5j], (1 + 2j) in [1 + 2j], len({1, 1.0, 1 + 0j} if False else [1]))
print(1e300j * 1e300j if False else "skip", complex(1e308, 1e308) * 1, (1 + 1j) ** 0.5)
for attempt in [lambda: z < w, lambda: z // 2, lambda: z % 2, lambda: z / 0, lambda: 0j ** -1,
                lambda: complex(" (1+2j) "), lambda: complex("-1.5e3-J"), lambda: complex("1+"), lambda: int(z)]:
    try:
        print(attempt())
    except (TypeError, ZeroDivisionError, ValueError) as error:
        print(type(error).__name__, error)
base, half, third = -1, 0.5, 1 / 3
print(base ** half, (-8) ** third, (base * 2.0) ** 1.5)
