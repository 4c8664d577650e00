# Instance attribute reads and writes stay right while classes change
# under them (bytestep remembers each class's lookups, as CPython's
# specialized LOAD_ATTR/STORE_ATTR do, and must forget them on any change).
class A:
    x = 1

    def m(self):
        return "A.m"


class B(A):
    pass


b = B()
out = []
for i in range(6):
    out.append((b.x, b.m()))
    if i == 1:
        A.x = 2  # a base class's value changes
    if i == 2:
        A.m = lambda self: "lambda"  # a base class's method is replaced
    if i == 3:
        b.x = 10  # the instance shadows the class's value
        b.m = lambda: "instance"  # and its method
    if i == 4:
        del b.x
        del b.m
        B.x = 3  # the subclass gets its own
print(out)

# A data descriptor added later takes over reads and writes.
class P:
    pass


p = P()
p.v = 1
vals = []
for i in range(4):
    vals.append(p.v)
    p.v = p.v + 1
    if i == 1:
        P.v = property(lambda self: 100, lambda self, value: vals.append(("set", value)))
print(vals, p.__dict__)

# Assigning __class__ switches the class whose lookups apply.
class C1:
    def who(self):
        return "C1"


class C2:
    def who(self):
        return "C2"


c = C1()
seen = []
for i in range(4):
    seen.append(c.who())
    c.__class__ = C2 if i % 2 == 0 else C1
print(seen)

# A class attribute deleted: the instance's lookup fails from then on.
class D:
    flag = True


d = D()
for i in range(3):
    try:
        print(d.flag)
    except AttributeError as e:
        print("AttributeError:", e)
    if i == 1:
        del D.flag

# setattr on the class replaces a method between calls.
class E:
    def f(self):
        return 1


e = E()
r = []
for i in range(3):
    r.append(e.f())
    setattr(E, "f", lambda self, i=i: i + 100)
print(r)

# Classes made again and again (a freed class's id may be reused).
res = []
for k in range(5):
    class T:
        val = k

        def get(self):
            return self.val * 10

    t = T()
    res.append(t.get())
    t.val = -k
    res.append(t.get())
    del T, t
print(res)

# A method stored in the instance's dict is not bound.
class F:
    def g(self):
        return "class g"


f = F()
calls = []
for i in range(3):
    calls.append(f.g())
    f.g = lambda: "own g"
print(calls)

# Through the class's dict seen as a mapping of its own (vars), and a
# namespace changed while its class body runs.
class G:
    a = 1
    b = a + 1


g = G()
print(g.a, g.b, sorted(k for k in vars(G) if not k.startswith("__")))
