# `a + b` where b's class inherits __radd__ without overriding it: a.__add__
# first (method_is_overloaded); None, dicts and complex numbers do not order.
class A:
    def __add__(self, other):
        return "A.__add__"

    def __radd__(self, other):
        return "A.__radd__"


class B(A):
    pass


class C(A):
    def __radd__(self, other):
        return "C.__radd__"


class D:
    def __add__(self, other):
        return NotImplemented


class E(D):
    def __radd__(self, other):
        return "E.__radd__"


print(A() + B(), B() + A(), A() + C(), C() + A(), D() + E(), 1 + B())
for f in (lambda: None < None, lambda: None <= None, lambda: {} < {}, lambda: {} >= {}, lambda: sorted([None, None]), lambda: max([{}, {}]), lambda: 1j < 1j, lambda: None == None, lambda: {} == {}, lambda: {1} < {1}):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print({1} <= {1}, {1} < {1, 2}, frozenset() < {1}, [1, None] < [2, None], (1,) < (1, 2), "a" < "b", b"a" < b"b", [None] == [None], sorted([(1, None), (0, None)]))
