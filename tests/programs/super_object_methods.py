# super() reaching object's own methods from a plain class: __repr__,
# __str__ (which is repr, not the class's __str__), __eq__/__ne__,
# __hash__ (the identity hash, not the class's), __format__; and the
# class's mro() and __subclasses__().
class B:
    def __repr__(self):
        r = super().__repr__()
        return "B:" + r[:10]

    def __str__(self):
        return "S" + super().__str__()[:3]

    def __eq__(self, o):
        return super().__eq__(o)

    def __ne__(self, o):
        return super().__ne__(o)

    def __hash__(self):
        return super().__hash__() == object.__hash__(self)

    def __format__(self, spec):
        return "F" + super().__format__(spec)[:2]


b = B()
print(repr(b), str(b), b == b, b == 1, b != b, b != 1, hash(b))
print(f"{b}", format(b, ""))
print(object.__repr__(b)[:9], object.__str__(b)[:10])


class C(B):
    pass


class D(B):
    pass


class E(C, D):
    pass


print(B.__subclasses__(), C.__subclasses__(), E.__subclasses__())
print(E.mro())
print(E.mro() == list(E.__mro__))
del E
print(C.__subclasses__() == [], len(B.__subclasses__()))
