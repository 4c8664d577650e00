# A subclass of a built-in type whose own __repr__/__str__ calls the base
# type's (`float.__repr__(self)`, `super().__repr__()`, `str.__str__(self)`):
# the value's repr, not the class's again.
class F(float):
    def __repr__(self):
        return "F(" + float.__repr__(self) + ")"


class I(int):
    def __repr__(self):
        return "I<" + int.__repr__(self) + ">"

    def __str__(self):
        return "I:" + super().__str__()


class S(str):
    def __repr__(self):
        return "S" + str.__repr__(self)

    def __str__(self):
        return "<" + str.__str__(self) + ">"


class T(tuple):
    def __repr__(self):
        return "T" + super().__repr__()


class Big(int):
    def __repr__(self):
        return "Big(" + super().__repr__() + ")"


print(repr(F(1.5)), repr(I(3)), str(I(4)), repr(S("x")), str(S("y")))
print(F(2.5), I(5), [F(0.5), I(6), S("z")], T((1, I(2))), Big(10**30))
print(f"{I(7)!r} {S('w')!s} {F(0.1)}", str.__str__(S("q")), type(str.__str__(S("q"))).__name__)
